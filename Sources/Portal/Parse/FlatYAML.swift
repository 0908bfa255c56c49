/// Reads the plainest YAML without libyaml: `name: value` lines at the left edge, whose
/// values are one-line plain or quoted text, `[a, b]` lists, or `- item` lines below the
/// name. That is nearly all front matter, and reading it this way takes a fraction of
/// the time Yams takes (a tenth of a build's processor time went to Yams).
///
/// Anything else (a comment after a value, escapes, nesting, a block `|`, a colon inside
/// a value, a repeated name, a tab) gives `nil`, and Yams reads the text, with its
/// messages for mistakes. For text it does read, the result equals what Yams makes of it:
/// a test compares the two on the bundled content and on thousands of altered copies.
enum FlatYAML {
    static func parse(_ yaml: String) -> YAMLNode? {
        var yaml = yaml
        return yaml.withUTF8 { Reader(bytes: $0).mapping() }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>

        /// One line's bytes (without its newline) and its number, from 1.
        struct Line {
            var start: Int
            var end: Int
            var number: Int
        }

        func mapping() -> YAMLNode? {
            var entries: [YAMLEntry] = []
            var names: Set<String> = []
            /// A `name:` with nothing after it, waiting for its `- item` lines.
            var openList: (entry: Int, indent: Int, items: [YAMLNode], line: Int, column: Int)?

            func closeList() -> Bool {
                guard let list = openList else { return true }
                openList = nil
                // `name:` alone is an empty value (Yams places it elsewhere): leave it to Yams.
                guard !list.items.isEmpty else { return false }
                entries[list.entry].value = YAMLNode(value: .sequence(list.items), line: list.line, column: list.column)
                return true
            }

            var next = 0
            var number = 0
            while next <= bytes.count {
                var line = Line(start: next, end: next, number: number + 1)
                while line.end < bytes.count, bytes[line.end] != 0x0A { line.end += 1 }
                next = line.end + 1
                number += 1
                guard isPlainText(line) else { return nil }
                let (first, end) = trimmed(line.start, line.end)
                if first == end || bytes[first] == 0x23 { continue }  // blank, or a comment line

                if first > line.start || bytes[first] == 0x2D {
                    // `- item` under the open `name:`, lined up with the items before it.
                    guard var list = openList, bytes[first] == 0x2D, first + 1 < end, bytes[first + 1] == 0x20,
                        list.items.isEmpty || first - line.start == list.indent
                    else { return nil }
                    guard let item = scalar(trimmed(first + 1, end).start, end, line) else { return nil }
                    if list.items.isEmpty {
                        list.indent = first - line.start
                        list.line = line.number
                        list.column = column(first, in: line)
                    }
                    list.items.append(item)
                    openList = list
                    continue
                }

                guard closeList() else { return nil }
                // `name:` at the left edge: letters, digits, `_` and `-`.
                var colon = first
                while colon < end, isNameByte(bytes[colon]) { colon += 1 }
                guard colon > first, colon < end, bytes[colon] == 0x3A else { return nil }
                let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<colon]), as: UTF8.self)
                guard names.insert(key).inserted else { return nil }
                let entryIndex = entries.count
                if colon + 1 == end {
                    entries.append(YAMLEntry(key: key, keyLine: line.number, keyColumn: 1, value: YAMLNode(value: .scalar("", .plain), line: 0, column: 0)))
                    openList = (entryIndex, 0, [], 0, 0)
                    continue
                }
                guard bytes[colon + 1] == 0x20 else { return nil }
                let valueStart = trimmed(colon + 1, end).start
                let value = bytes[valueStart] == 0x5B ? flowList(valueStart, end, line) : scalar(valueStart, end, line)
                guard let value else { return nil }
                entries.append(YAMLEntry(key: key, keyLine: line.number, keyColumn: 1, value: value))
            }
            guard closeList(), let firstEntry = entries.first else { return nil }
            return YAMLNode(value: .mapping(entries), line: firstEntry.keyLine, column: 1)
        }

        /// One line's value: plain text, or text in quotes without escapes.
        private func scalar(_ start: Int, _ end: Int, _ line: Line) -> YAMLNode? {
            let first = bytes[start]
            let at = column(start, in: line)
            if first == 0x22 || first == 0x27 {  // " or '
                // The only other quote mark is the closing one, last on the line; no escapes.
                guard end - start >= 2, bytes[end - 1] == first else { return nil }
                for index in (start + 1)..<(end - 1) where bytes[index] == first || bytes[index] == 0x5C { return nil }
                return YAMLNode(value: .scalar(text(start + 1, end - 1), .quoted), line: line.number, column: at)
            }
            guard isPlainStart(first) else { return nil }
            for index in start..<end {
                let byte = bytes[index]
                // `a: b` is a mapping inside a value; ` #` starts a comment.
                if byte == 0x3A, index + 1 == end || bytes[index + 1] == 0x20 { return nil }
                if byte == 0x23, bytes[index - 1] == 0x20 { return nil }
            }
            return YAMLNode(value: .scalar(text(start, end), .plain), line: line.number, column: at)
        }

        /// `[first, second]`: plain words and phrases, nothing that means something in YAML.
        private func flowList(_ start: Int, _ end: Int, _ line: Line) -> YAMLNode? {
            guard bytes[end - 1] == 0x5D else { return nil }
            var items: [YAMLNode] = []
            var itemStart = start + 1
            if trimmed(start + 1, end - 1).start == end - 1 { return YAMLNode(value: .sequence([]), line: line.number, column: column(start, in: line)) }
            while itemStart < end {
                var itemEnd = itemStart
                while itemEnd < end - 1, bytes[itemEnd] != 0x2C { itemEnd += 1 }
                let (first, last) = trimmed(itemStart, itemEnd)
                guard first < last, isPlainStart(bytes[first]) else { return nil }
                for index in first..<last where isFlowSpecial(bytes[index]) { return nil }
                items.append(YAMLNode(value: .scalar(text(first, last), .plain), line: line.number, column: column(first, in: line)))
                itemStart = itemEnd + 1
            }
            return YAMLNode(value: .sequence(items), line: line.number, column: column(start, in: line))
        }

        /// `start..<end` without the spaces at either end.
        private func trimmed(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
            var (start, end) = (start, end)
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            return (start, end)
        }

        private func text(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        /// libyaml counts columns in Unicode scalars: every byte but UTF-8's continuation bytes.
        private func column(_ index: Int, in line: Line) -> Int {
            var count = 1
            for position in line.start..<index where bytes[position] & 0xC0 != 0x80 { count += 1 }
            return count
        }

        /// No tabs, control characters or byte-order marks, and none of the characters YAML
        /// also counts as line breaks (U+0085, U+2028, U+2029): Yams has rules for those.
        private func isPlainText(_ line: Line) -> Bool {
            var index = line.start
            while index < line.end {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return false }
                if byte == 0xC2, index + 1 < line.end, bytes[index + 1] == 0x85 { return false }
                if byte == 0xE2, index + 2 < line.end, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
                if byte == 0xEF, index + 2 < line.end, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return false }
                index += 1
            }
            return true
        }

        private func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
        }

        /// Plain text may not start with a character YAML gives a meaning: - ? : , [ ] { } # & * ! | > ' " % @ `
        private func isPlainStart(_ byte: UInt8) -> Bool {
            !"-?:,[]{}#&*!|>'\"%@`".utf8.contains(byte)
        }

        /// Inside `[...]` these end or nest an item, start a comment, or quote.
        private func isFlowSpecial(_ byte: UInt8) -> Bool {
            ",[]{}#:\"'".utf8.contains(byte)
        }
    }
}
