import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-code`: regenerates the checked-in
/// code a package's `lathe.yaml` describes (by default `specs/lathe.yaml`; `--config FILE` picks
/// another). Other arguments go to `lathe generate`, so `generate-code --check` only reports.
@main
struct GenerateCode: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var arguments = arguments
        if !arguments.contains("--config") {
            arguments = ["--config", context.package.directoryURL.appending(path: "specs/lathe.yaml").path] + arguments
        }
        let process = Process()
        process.executableURL = try context.tool(named: "lathe").url
        process.arguments = ["generate"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            Diagnostics.error("lathe generate exited with status \(process.terminationStatus)")
            throw ExitCode(process.terminationStatus)
        }
    }
}

struct ExitCode: Error {
    let status: Int32
    init(_ status: Int32) { self.status = status }
}
