import Foundation

/// A text file read from disk, decoded and normalised: UTF-8 checked, a byte-order mark
/// removed and Windows line endings turned into plain ones, so later stages see one form.
public struct SourceFile: Sendable {
    /// The path shown to people, e.g. `Content/parents-carers/private-fostering.md`.
    public var path: String
    /// The path inside its root folder with `/` separators, e.g. `parents-carers/private-fostering.md`.
    public var relativePath: String
    public let text: String
    /// The UTF-8 offset where each line starts: problems and positions are looked up often,
    /// and scanning from the top each time made reading long data files quadratic.
    let lineStarts: [Int]

    public init(path: String, relativePath: String, text: String) {
        self.path = path
        self.relativePath = relativePath
        self.text = text
        var starts = [0]
        var text = text
        text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return }
            var offset = 0
            while let newline = memchr(start + offset, 0x0A, bytes.count - offset) {
                offset = start.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        lineStarts = starts
    }

    /// Decodes raw bytes, or explains where they stop being UTF-8.
    public static func decode(_ data: [UInt8], path: String, relativePath: String) -> Result<SourceFile, Diagnostic> {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // The scans go over the buffer: every file of every build passes here.
        let (hasZero, hasReturn) = bytes.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return (false, false) }
            return (memchr(start, 0, buffer.count) != nil, memchr(start, 0x0D, buffer.count) != nil)
        }
        if hasZero {
            return .failure(Diagnostic(
                .error, at: SourceLocation(path: path),
                "this file is not text (it contains binary data)",
                hint: "Only Markdown (.md) and YAML (.yaml) text files belong here. Move other files out of the content folder."))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            return .failure(Diagnostic(
                .error, at: SourceLocation(path: path, line: line, column: column),
                "this file is not valid UTF-8 text",
                hint: "Save the file as UTF-8 in your editor (often under “Save as… › Encoding”). The problem starts here."))
        }
        let normalised = hasReturn ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        return .success(SourceFile(path: path, relativePath: relativePath, text: normalised))
    }

    /// The text of line `number` (from 1), for showing under a diagnostic.
    public func line(_ number: Int) -> String? {
        guard number > 0, number <= lineStarts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[number - 1])
        let end = number < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[number] - 1) : text.endIndex
        return String(text[start..<end])
    }

    /// Line `number` (from 1) as a `SourceLine`: the file's text is shared, not copied.
    public func sourceLine(_ number: Int) -> SourceLine? {
        guard number > 0, number <= lineStarts.count else { return nil }
        let end = number < lineStarts.count ? lineStarts[number] - 1 : text.utf8.count
        return SourceLine(text: text, start: lineStarts[number - 1], end: end)
    }

    /// A diagnostic in this file, carrying the offending line.
    public func diagnostic(
        _ severity: Diagnostic.Severity, line: Int, column: Int, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            severity, at: SourceLocation(path: path, line: line, column: column), message,
            hint: hint, source: sourceLine(line))
    }

    public func error(line: Int, column: Int, _ message: String, hint: String? = nil) -> Diagnostic {
        diagnostic(.error, line: line, column: column, message, hint: hint)
    }

    public func warning(line: Int, column: Int, _ message: String, hint: String? = nil) -> Diagnostic {
        diagnostic(.warning, line: line, column: column, message, hint: hint)
    }
}

/// One line of a file, kept as the file's text (shared, never copied) and where the line
/// is in it, so a diagnostic can carry its line at no cost: a page with thousands of
/// mistakes on one long line once copied that line for each, gigabytes in all. The line is
/// read, and cut to the part around the column, only when it is shown.
public struct SourceLine: Sendable, Hashable {
    let text: String
    /// UTF-8 offsets of the line's start and end (before its line break).
    let start: Int
    let end: Int

    init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }

    /// Compared and hashed by the line's bytes, in place.
    private var bytes: Substring.UTF8View {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)].utf8
    }

    public static func == (a: SourceLine, b: SourceLine) -> Bool { a.bytes.elementsEqual(b.bytes) }
    public func hash(into hasher: inout Hasher) {
        for byte in bytes { hasher.combine(byte) }
    }

    /// How many characters (Unicode scalars) start between two byte columns of the line (from 1).
    func scalars(fromByte first: Int, to last: Int) -> Int {
        guard last > first else { return 0 }
        let utf8 = text.utf8
        var count = 0
        for byte in utf8[utf8.index(utf8.startIndex, offsetBy: start + first - 1)..<utf8.index(utf8.startIndex, offsetBy: start + last - 1)]
        where byte & 0xC0 != 0x80 {
            count += 1
        }
        return count
    }

    /// Characters shown on each side of the column when a line is cut.
    static let reach = 60

    /// The line to show under a diagnostic at `column` (in Unicode scalars, from 1): the
    /// whole line if short, else the part around the column with `…` where it is cut; and
    /// the column within what is shown.
    public func excerpt(column: Int) -> (text: String, column: Int) {
        let wanted = max(1, column)
        let firstShown = max(1, wanted - Self.reach)
        let lastShown = wanted + Self.reach
        let utf8 = text.utf8
        let lineStart = utf8.index(utf8.startIndex, offsetBy: start)
        let lineEnd = utf8.index(utf8.startIndex, offsetBy: end)
        // Only what is shown is read past the column; before it, bytes are only counted.
        var index = lineStart
        var from = lineStart
        var scalar = 0
        while index < lineEnd {
            if utf8[index] & 0xC0 != 0x80 {
                scalar += 1
                if scalar == firstShown { from = index }
                if scalar > lastShown { break }
            }
            index = utf8.index(after: index)
        }
        let cutStart = firstShown > 1 && scalar >= firstShown
        let cutEnd = index < lineEnd
        let shown = String(text[(cutStart ? from : lineStart)..<index])
        return ((cutStart ? "…" : "") + shown + (cutEnd ? "…" : ""), cutStart ? wanted - firstShown + 2 : wanted)
    }
}

/// Line and column (in characters) of the first byte that breaks UTF-8.
private func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int) {
    var line = 1
    var lineStart = bytes.startIndex
    var index = bytes.startIndex
    while index < bytes.endIndex {
        let byte = bytes[index]
        let length: Int
        switch byte {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: length = 0
        }
        let end = index + length
        let valid = length > 0 && end <= bytes.endIndex
            && String(validating: bytes[index..<end], as: UTF8.self) != nil
        if !valid {
            let prefix = String(decoding: bytes[lineStart..<index], as: UTF8.self)
            return (line, prefix.unicodeScalars.count + 1)
        }
        if byte == 0x0A {
            line += 1
            lineStart = end
        }
        index = end
    }
    return (line, 1)
}
