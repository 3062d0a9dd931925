import LatheCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(LatheCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
