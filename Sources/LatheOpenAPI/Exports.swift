// One import gives the whole front end: documents, their YAML nodes, and diagnostics.
@_exported import LatheDiagnostics
@_exported import LatheYAML
