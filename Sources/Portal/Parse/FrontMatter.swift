/// A page file cut in two: the YAML between the `---` lines and the Markdown after them.
/// cmark never sees the front matter (it would turn `---` into a rule).
public struct FrontMatter: Sendable {
    public var yaml: String
    /// The file line of the first YAML line (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// The file line of the first body line.
    public var bodyFirstLine: Int

    /// Splits a page, or explains what is wrong with its fences. Works on the UTF-8 bytes:
    /// it runs on every page of every build.
    public static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        let text = file.text
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0B }) {
            return .failure(file.error(
                line: 1, column: 1, "this page is empty",
                hint: "Start it with front matter: a line `---`, then `title:` and `summary:` lines, then `---`, then the text. Or delete the file."))
        }
        // Each line as a range of bytes, until the closing fence.
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            lineNumber += 1
            let line = text[lineStart..<lineEnd].trimmingTrailingSpaces()
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if let yamlStart {
                if line == "---" || line == "..." {
                    // The YAML without its last newline, and the body after the fence, as before.
                    let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : lineStart
                    return .success(FrontMatter(
                        yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2,
                        body: String(text[next...].dropLastNewline()), bodyFirstLine: lineNumber + 1))
                }
            } else if line == "---" {
                yamlStart = next
            } else {
                return .failure(file.error(
                    line: 1, column: 1, "this page does not start with front matter",
                    hint: "The first line must be `---`, followed by `title:` and `summary:` lines and another `---` line."))
            }
            lineStart = next
        }
        return .failure(file.error(
            line: 1, column: 1, "the front matter that starts here is never closed",
            hint: "Add a line with just `---` after the last `name: value` line, before the page's text."))
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

extension Substring {
    /// Without one final newline (a file's last line ends with one).
    func dropLastNewline() -> Substring { utf8.last == 0x0A ? self[..<utf8.index(before: endIndex)] : self }
}
