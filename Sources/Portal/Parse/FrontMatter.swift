/// A page file cut in two: the YAML between the `---` lines and the Markdown after them.
/// cmark never sees the front matter (it would turn `---` into a rule).
public struct FrontMatter: Sendable {
    public var yaml: String
    /// The file line of the first YAML line (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// The file line of the first body line.
    public var bodyFirstLine: Int

    /// Splits a page, or explains what is wrong with its fences. Works on the UTF-8 bytes
    /// in place: it runs on every page of every build.
    public static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        var text = file.text
        switch text.withUTF8(fences) {
        case .empty:
            return .failure(file.error(
                line: 1, column: 1, "this page is empty",
                hint: "Start it with front matter: a line `---`, then `title:` and `summary:` lines, then `---`, then the text. Or delete the file."))
        case .noOpeningFence:
            return .failure(file.error(
                line: 1, column: 1, "this page does not start with front matter",
                hint: "The first line must be `---`, followed by `title:` and `summary:` lines and another `---` line."))
        case .noClosingFence:
            return .failure(file.error(
                line: 1, column: 1, "the front matter that starts here is never closed",
                hint: "Add a line with just `---` after the last `name: value` line, before the page's text."))
        case .found(let yaml, let body, let bodyFirstLine):
            let utf8 = text.utf8
            func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
            return .success(FrontMatter(
                yaml: String(text[index(yaml.lowerBound)..<index(yaml.upperBound)]), yamlFirstLine: 2,
                body: String(text[index(body.lowerBound)..<index(body.upperBound)]), bodyFirstLine: bodyFirstLine))
        }
    }

    private enum Fences {
        case empty, noOpeningFence, noClosingFence
        /// Byte ranges of the YAML (without its last newline) and the body (without the
        /// file's final newline), and the file line the body starts on.
        case found(yaml: Range<Int>, body: Range<Int>, bodyFirstLine: Int)
    }

    /// Finds the fences line by line: the first line must be `---`, the next `---` or `...`
    /// closes the YAML. Trailing blanks on a fence line are allowed.
    private static func fences(_ bytes: UnsafeBufferPointer<UInt8>) -> Fences {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0B }) { return .empty }
        var lineStart = 0
        var lineNumber = 0
        var yamlStart: Int?
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            var end = lineEnd
            while end > lineStart, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            let next = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
            func isFence(_ mark: UInt8) -> Bool {
                end - lineStart == 3 && bytes[lineStart] == mark && bytes[lineStart + 1] == mark && bytes[lineStart + 2] == mark
            }
            if let yamlStart {
                if isFence(UInt8(ascii: "-")) || isFence(UInt8(ascii: ".")) {
                    let yamlEnd = lineStart > yamlStart ? lineStart - 1 : lineStart
                    let bodyEnd = bytes.count > next && bytes[bytes.count - 1] == 0x0A ? bytes.count - 1 : bytes.count
                    return .found(yaml: yamlStart..<yamlEnd, body: next..<bodyEnd, bodyFirstLine: lineNumber + 1)
                }
            } else if isFence(UInt8(ascii: "-")) {
                yamlStart = next
            } else {
                return .noOpeningFence
            }
            lineStart = next
        }
        return .noClosingFence
    }
}
