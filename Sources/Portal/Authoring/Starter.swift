import Foundation

/// `portal init`: a new board's project, from the starter carried inside portal (the
/// repository's Starter/) with the board's name and address written in. Details only the
/// board knows are placeholders (`[to be added: …]`): the project builds at once.
public enum Starter {
    public struct Board: Sendable {
        public var name: String
        public var shortName: String
        public var baseURL: String
    }

    public enum Problem: Error, CustomStringConvertible {
        case name(String)
        case shortName(String)
        case baseURL(String)
        case notEmpty(String)

        public var description: String {
            switch self {
            case .name(let why), .shortName(let why), .baseURL(let why): why
            case .notEmpty(let folder):
                "\(folder) is not empty; portal init writes only into an empty (or new) folder, so nothing is overwritten"
            }
        }
    }

    /// The board, checked: a name that can head every page, and the site's https address.
    /// Without a short name, one is made from the usual endings (… Local Safeguarding
    /// Children Board → … LSCB).
    public static func board(name: String, shortName: String?, baseURL: String?) throws(Problem) -> Board {
        let name = name.trimmingCharacters(in: .whitespaces)
        if let problem = nameProblem(name, option: "--name") { throw .name(problem) }
        let shortName = shortName?.trimmingCharacters(in: .whitespaces) ?? abbreviated(name)
        if let problem = nameProblem(shortName, option: "--short-name") { throw .shortName(problem) }
        var url = baseURL ?? "https://www.example.org"
        while url.hasSuffix("/") { url.removeLast() }
        guard url.lowercased().hasPrefix("https://"), AddressCheck.checkWebsite(url) == nil, !url.contains("?"), !url.contains("#") else {
            throw .baseURL("--base-url must be the site's address starting https://, like https://www.example.org, not “\(baseURL ?? "")”")
        }
        return Board(name: name, shortName: shortName, baseURL: url)
    }

    /// Letters, digits, spaces and the punctuation names use; at least one letter.
    private static let namePunctuation = Set("'’&,.()-")

    static func nameProblem(_ name: String, option: String) -> String? {
        if name.isEmpty { return "\(option) is empty: give the board's name, like \"Northmoor Safeguarding Children Partnership\"" }
        if name.count > 100 { return "\(option) is \(name.count) characters long; a name can have at most 100" }
        if let odd = name.first(where: { !($0.isLetter || $0.isNumber || $0 == " " || namePunctuation.contains($0)) }) {
            let shown = odd.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } ? "a control character" : "“\(odd)”"
            return "\(option) has \(shown) in it; a name can have letters, digits, spaces and ' & , . ( ) -"
        }
        if !name.contains(where: \.isLetter) { return "\(option) “\(name)” has no letters; give the board's name" }
        return nil
    }

    /// The usual short forms of a board's name, else the name itself.
    static func abbreviated(_ name: String) -> String {
        let endings = [
            ("Local Safeguarding Children Board", "LSCB"), ("Safeguarding Children Partnership", "SCP"),
            ("Safeguarding Children Board", "SCB"), ("Safeguarding Partnership", "Safeguarding Partnership"),
        ]
        for (ending, short) in endings where name.hasSuffix(" " + ending) {
            return String(name.dropLast(ending.count)) + short
        }
        return name
    }

    /// The project's files: the starter in `Content/` with the board written in, and a
    /// `.gitignore` that keeps the built site out of version control.
    public static func files(for board: Board) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = [
            (".gitignore", Array("# The built site: made again by portal build.\n/Site/\n/Site.*/\n".utf8))
        ]
        for file in EmbeddedFolders.starter {
            guard file.path.hasSuffix(".yaml") || file.path.hasSuffix(".md") else {
                files.append(("Content/" + file.path, file.bytes))
                continue
            }
            // In settings and data, values are quoted so YAML reads them back exactly.
            let yaml = file.path.hasSuffix(".yaml")
            func value(_ text: String) -> String { yaml ? yamlString(text) : text }
            let text = String(decoding: file.bytes, as: UTF8.self)
                .replacingOccurrences(of: "{{board_name}}", with: value(board.name))
                .replacingOccurrences(of: "{{board_short_name}}", with: value(board.shortName))
                .replacingOccurrences(of: "{{base_url}}", with: value(board.baseURL))
            files.append(("Content/" + file.path, Array(text.utf8)))
        }
        return files
    }

    static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Writes the project into `folder`, which must be empty or new (a `.git` folder may be
    /// there already). The paths written.
    public static func create(in folder: String, for board: Board) throws -> [String] {
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder), entries.contains(where: { $0 != ".git" }) {
            throw Problem.notEmpty(folder)
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
            throw Problem.notEmpty(folder)
        }
        return try NewFiles.write(files(for: board), into: folder)
    }
}
