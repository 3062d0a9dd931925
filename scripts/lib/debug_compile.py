"""The compile both build profiles run on generated code: what a debug SwiftPM build does with a
module's files (-Onone, debug info, batch mode, both cores), against LatheRuntime's modules."""


def debug_compile(modules):
    """The swiftc command, without its files: append extra flags, then the files."""
    return ["swiftc", "-c", "-Onone", "-g", "-parse-as-library", "-module-name", "Generated", "-swift-version", "6",
            "-I", modules, "-j2", "-enable-batch-mode"]
