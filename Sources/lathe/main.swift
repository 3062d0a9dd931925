import LatheCLI

LatheCommand.runAndExit(arguments: Array(CommandLine.arguments.dropFirst()))
