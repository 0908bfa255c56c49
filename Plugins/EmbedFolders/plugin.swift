import Foundation
import PackagePlugin

/// Carries the repository's `Theme/` (the built-in default theme) and `Starter/` (what
/// `portal init` writes) inside the Portal library, made again whenever a file in them
/// changes.
@main
struct EmbedFolders: BuildToolPlugin {
    static let folders = [("theme", "Theme"), ("starter", "Starter")]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        var arguments: [String] = []
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFolderContents.swift")
        arguments.append(output.path)
        for (name, folder) in Self.folders {
            let url = root.appending(path: folder)
            arguments += [name, url.path]
            // The folders themselves too: a file added or removed changes them.
            inputs.append(url)
            let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            while let file = walker?.nextObject() as? URL {
                inputs.append(file)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding Theme/ and Starter/", executable: try context.tool(named: "embed-folders").url,
                arguments: arguments, inputFiles: inputs, outputFiles: [output])
        ]
    }
}
