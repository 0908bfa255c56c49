/// `portal theme copy`: the built-in theme's files written out, for a board to change.
/// Whatever the project's theme folder holds takes the place of the built-in file.
public enum ThemeCopy {
    public enum Failure: Error, CustomStringConvertible {
        case unknown(String, suggestion: String?)

        public var description: String {
            switch self {
            case .unknown(let name, let suggestion):
                "the built-in theme has no file “\(name)”" + (suggestion.map { "; did you mean \($0)?" } ?? "")
            }
        }
    }

    /// The built-in files named by `names` (a path such as `assets/site.css`, or a file's
    /// name, such as `site.css` or `layout.mustache`), or all of them.
    public static func files(named names: [String], from builtIn: [EmbeddedFile] = Theme.builtIn) throws(Failure) -> [EmbeddedFile] {
        guard !names.isEmpty else { return builtIn }
        return try names.map { name throws(Failure) in
            let wanted = name.hasPrefix("/") ? String(name.dropFirst()) : name
            if let file = builtIn.first(where: { $0.path == wanted || $0.path.split(separator: "/").last.map(String.init) == wanted }) {
                return file
            }
            throw .unknown(name, suggestion: closest(to: wanted, in: builtIn.map(\.path)))
        }
    }

    /// Writes `files` into `folder`; if any is there already, nothing is written.
    public static func write(_ files: [EmbeddedFile], into folder: String) throws(NewFiles.Failure) -> [String] {
        try NewFiles.write(files.map { ($0.path, $0.bytes) }, into: folder)
    }
}
