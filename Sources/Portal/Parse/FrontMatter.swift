/// A page file cut in two: the YAML between the `---` lines and the Markdown after them.
/// cmark never sees the front matter (it would turn `---` into a rule).
public struct FrontMatter: Sendable {
    public var yaml: String
    /// The file line of the first YAML line (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// The file line of the first body line.
    public var bodyFirstLine: Int

    /// Splits a page, or explains what is wrong with its fences.
    public static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = file.text
        if text.allSatisfy(\.isWhitespace) {
            return .failure(file.error(
                line: 1, column: 1, "this page is empty",
                hint: "Start it with front matter: a line `---`, then `title:` and `summary:` lines, then `---`, then the text. Or delete the file."))
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first.map({ $0.trimmingTrailingSpaces() == "---" }) == true else {
            return .failure(file.error(
                line: 1, column: 1, "this page does not start with front matter",
                hint: "The first line must be `---`, followed by `title:` and `summary:` lines and another `---` line."))
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            return .failure(file.error(
                line: 1, column: 1, "the front matter that starts here is never closed",
                hint: "Add a line with just `---` after the last `name: value` line, before the page's text."))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
