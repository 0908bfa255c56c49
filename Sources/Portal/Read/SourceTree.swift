import Foundation

/// Reads every file below a folder, in a stable order (the file system's order never
/// reaches the output).
public enum SourceTree {
    /// Paths relative to `root`, sorted, skipping hidden files and folders.
    public static func list(_ root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let next = enumerator.nextObject() as? String {
            let name = (next as NSString).lastPathComponent
            if name.hasPrefix(".") {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                    enumerator.skipDescendants()
                }
                continue
            }
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { continue }
            paths.append(next)
        }
        return paths.sorted()
    }

    /// Reads one file as normalised text.
    public static func read(root: String, relativePath: String, displayRoot: String) -> Result<SourceFile, Diagnostic> {
        let displayPath = displayRoot.isEmpty ? relativePath : "\(displayRoot)/\(relativePath)"
        guard let data = FileManager.default.contents(atPath: "\(root)/\(relativePath)") else {
            return .failure(Diagnostic(
                .error, at: SourceLocation(path: displayPath), "this file could not be read",
                hint: "Check that the file exists and that you are allowed to read it."))
        }
        return SourceFile.decode([UInt8](data), path: displayPath, relativePath: relativePath)
    }
}
