import PackagePlugin

/// Compiles the bundled post in `assets/` into the target as Swift source
/// (`BundledPostSource.text`), so a binary copied anywhere still opens it.
@main
struct EmbedBundledPost: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let post = context.package.directoryURL
            .appending(path: "assets")
            .appending(path: "aws-ml-specialty-recap-2-of-3.md")
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledPostSource.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(post.lastPathComponent)",
                executable: try context.tool(named: "EmbedAsset").url,
                arguments: [post.path(), output.path(), "BundledPostSource"],
                inputFiles: [post],
                outputFiles: [output])
        ]
    }
}
