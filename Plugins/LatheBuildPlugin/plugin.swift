import Foundation
import PackagePlugin

/// Generates a target's Swift at build time from the OpenAPI description beside its sources.
///
/// The target holds a `lathe.yaml` with one module entry named like the target (its `spec`,
/// `overlays`, `modes`, `namespace`); `output` is ignored, the build decides where files go.
/// Lathe writes exactly Types.swift, Operations.swift, Client.swift and Server.swift, and its
/// diagnostics name the spec by absolute path as `file:line:column`, which Xcode and SwiftPM show
/// at the spec. Exclude the YAML files from the target's sources in Package.swift.
@main
struct LatheBuildPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL
        let config = folder.appending(path: "lathe.yaml")
        guard FileManager.default.fileExists(atPath: config.path) else {
            Diagnostics.error("\(target.name) uses the Lathe plugin but has no lathe.yaml in \(folder.path)")
            return []
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        // Every YAML and JSON file beside the configuration may be the spec, an overlay or a file
        // they refer to: a change to any of them reruns Lathe.
        let inputs = (try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil))
            .filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
        return [
            .buildCommand(
                displayName: "Generating Swift for \(target.name) with Lathe",
                executable: try context.tool(named: "lathe").url,
                arguments: [
                    "generate", "--config", config.path, "--module", target.name,
                    "--output", output.path, "--fixed-file-names", "--quiet",
                ],
                inputFiles: inputs,
                outputFiles: ["Types", "Operations", "Client", "Server"].map { output.appending(path: "\($0).swift") }
            )
        ]
    }
}
