import Foundation

/// A file the site gets from the theme as it is (a stylesheet, a script, an icon).
public struct ThemeAsset: Sendable {
    public enum Origin: Sendable {
        /// From the theme built into portal.
        case builtIn([UInt8])
        /// From a file on disk, in the project's theme folder: read when the site is written.
        case file(String)
    }

    /// Where it goes in the site, e.g. `assets/site.css`.
    public var outputPath: String
    public var origin: Origin

    public init(outputPath: String, origin: Origin) {
        self.outputPath = outputPath
        self.origin = origin
    }

    /// Its bytes as published (a stylesheet without its comments), or nil if its file can
    /// no longer be read.
    public func contents() -> [UInt8]? {
        let bytes: [UInt8]? = switch origin {
        case .builtIn(let bytes): bytes
        case .file(let path): FileManager.default.contents(atPath: path).map { [UInt8]($0) }
        }
        return outputPath.hasSuffix(".css") ? bytes.map(StyleSheet.withoutComments) : bytes
    }
}

/// The files a theme is made of: the built-in theme's, each replaced by the file of the same
/// path in the project's theme folder if it has one, and the folder's other files added.
/// A board changes only the templates or stylesheet it wants; the rest follow portal.
struct ThemeFiles {
    struct File {
        /// Inside the theme, e.g. `templates/layout.mustache`.
        var relativePath: String
        /// As problems name it: the project's file, or the built-in one.
        var displayPath: String
        /// The project's file on disk, or nil for the built-in one.
        var diskPath: String?
        var builtIn: [UInt8]
    }

    /// How problems name a file of the built-in theme, which no author can open in place.
    static let builtInName = "(built-in theme)"

    private(set) var files: [String: File] = [:]
    private(set) var problems: [Diagnostic] = []

    /// `folder` overrides `builtIn` file by file. A folder that does not exist is no theme
    /// of the project's own, unless it was asked for (`required`).
    init(folder: String, displayRoot: String, required: Bool, builtIn: [EmbeddedFile]) {
        for file in builtIn {
            files[file.path] = File(
                relativePath: file.path, displayPath: "\(Self.builtInName)/\(file.path)", diskPath: nil, builtIn: file.bytes)
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            if required {
                problems.append(Diagnostic(
                    .error, at: SourceLocation(path: displayRoot), "the theme folder does not exist",
                    hint: "Leave out --theme to use the built-in theme, or run `portal theme copy` to write it out for editing."))
            }
            return
        }
        for relative in SourceTree.list(folder) {
            let displayPath = "\(displayRoot)/\(relative)"
            guard relative.hasPrefix("templates/") || relative.hasPrefix("assets/") else {
                problems.append(Diagnostic(
                    .warning, at: SourceLocation(path: displayPath), "this file is not used",
                    hint: "A theme has templates (.mustache) in templates/ and files to publish as they are in assets/."))
                continue
            }
            guard SourceTree.isInside(root: folder, relativePath: relative) else {
                problems.append(Diagnostic(
                    .error, at: SourceLocation(path: displayPath), "this is a link to a file outside the theme folder",
                    hint: "Copy the file into the folder instead of linking to it: only what is inside is used."))
                continue
            }
            files[relative] = File(relativePath: relative, displayPath: displayPath, diskPath: "\(folder)/\(relative)", builtIn: [])
        }
    }

    /// The files under `prefix` (e.g. `templates/`), in path order.
    func files(under prefix: String) -> [File] {
        files.values.filter { $0.relativePath.hasPrefix(prefix) }.sorted { $0.relativePath < $1.relativePath }
    }

    /// A file read as text: the project's through `SourceTree` (its checks and problems).
    func read(_ file: File) -> Result<SourceFile, Diagnostic> {
        guard let diskPath = file.diskPath else {
            return SourceFile.decode(file.builtIn, path: file.displayPath, relativePath: file.relativePath)
        }
        let root = String(diskPath.dropLast(file.relativePath.count + 1))
        let displayRoot = String(file.displayPath.dropLast(file.relativePath.count + 1))
        return SourceTree.read(root: root, relativePath: file.relativePath, displayRoot: displayRoot)
    }
}
