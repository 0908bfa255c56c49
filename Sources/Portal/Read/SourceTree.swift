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

    /// Files larger than this are refused: no page or data file needs more, and a huge
    /// file is almost always a mistake (a video or an export saved in the wrong place).
    public static let sizeLimit = 5_000_000

    /// Whether a path inside `root` really is inside it, after following links.
    public static func isInside(root: String, relativePath: String) -> Bool {
        let base = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        let target = URL(fileURLWithPath: "\(root)/\(relativePath)").standardizedFileURL.resolvingSymlinksInPath().path
        return target.hasPrefix(base + "/")
    }

    /// Reads one file as normalised text.
    public static func read(root: String, relativePath: String, displayRoot: String) -> Result<SourceFile, Diagnostic> {
        let displayPath = displayRoot.isEmpty ? relativePath : "\(displayRoot)/\(relativePath)"
        guard isInside(root: root, relativePath: relativePath) else {
            return .failure(Diagnostic(
                .error, at: SourceLocation(path: displayPath), "this is a link to a file outside \(displayRoot.isEmpty ? "this folder" : displayRoot)",
                hint: "Copy the file into the folder instead of linking to it: the build reads only what is inside."))
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: "\(root)/\(relativePath)")[.size] as? Int) ?? 0
        guard size <= sizeLimit else {
            return .failure(Diagnostic(
                .error, at: SourceLocation(path: displayPath),
                "this file is \(size / 1_000_000) MB; files here can be at most \(sizeLimit / 1_000_000) MB",
                hint: "Split the page into smaller pages, or move large files (videos, exports) out of this folder."))
        }
        guard let data = FileManager.default.contents(atPath: "\(root)/\(relativePath)") else {
            return .failure(Diagnostic(
                .error, at: SourceLocation(path: displayPath), "this file could not be read",
                hint: "Check that the file exists and that you are allowed to read it."))
        }
        return SourceFile.decode([UInt8](data), path: displayPath, relativePath: relativePath)
    }
}
