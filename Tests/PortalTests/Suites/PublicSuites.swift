import Foundation

/// What the suite tests share: where the public test suites are (`../shared/suites/` beside
/// the repository, as CI places them), and a small JSON reader that keeps numbers as written
/// and reads streams of several documents (the YAML suite's expected values).
enum PublicSuites {
    /// Tests/PortalTests/Suites/PublicSuites.swift → the repository → ../shared/suites.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/suites").standardizedFileURL.path

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// A file or folder of the suites, which must exist: the tests fail, never pass, without it.
    static func path(_ relative: String) throws -> String {
        let path = "\(folder)/\(relative)"
        guard FileManager.default.fileExists(atPath: path) else {
            throw Problem(description: "the public test suites are missing: \(path) not found (CI places them in ../shared/suites/ beside the repository)")
        }
        return path
    }

    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}

/// A JSON value; numbers keep their text (`85`, `1.21`), objects their order.
enum JSON: Equatable, Sendable {
    case null, bool(Bool), number(String), string(String)
    case array([JSON]), object([(key: String, value: JSON)])

    static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case let (.bool(x), .bool(y)): x == y
        case let (.number(x), .number(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.array(x), .array(y)): x == y
        case let (.object(x), .object(y)): x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    struct Malformed: Error { var offset: Int }

    /// Every JSON document in `text`, one after another.
    static func documents(_ text: String) throws -> [JSON] {
        var reader = Reader(bytes: Array(text.utf8))
        var documents: [JSON] = []
        reader.skipSpace()
        while reader.index < reader.bytes.count {
            documents.append(try reader.value())
            reader.skipSpace()
        }
        return documents
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        /// The next byte, or 0 at the end.
        var next: UInt8 { index < bytes.count ? bytes[index] : 0 }

        mutating func expect(_ literal: String) throws {
            let literal = Array(literal.utf8)
            guard bytes[index...].starts(with: literal) else { throw Malformed(offset: index) }
            index += literal.count
        }

        mutating func value() throws -> JSON {
            skipSpace()
            switch next {
            case UInt8(ascii: "n"): try expect("null"); return .null
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "["):
                index += 1
                var items: [JSON] = []
                skipSpace()
                if next == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    try expect(next == UInt8(ascii: ",") ? "," : "]")
                    if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
                }
            case UInt8(ascii: "{"):
                index += 1
                var fields: [(key: String, value: JSON)] = []
                skipSpace()
                if next == UInt8(ascii: "}") { index += 1; return .object(fields) }
                while true {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    try expect(":")
                    fields.append((key, try value()))
                    skipSpace()
                    try expect(next == UInt8(ascii: ",") ? "," : "}")
                    if bytes[index - 1] == UInt8(ascii: "}") { return .object(fields) }
                }
            case 0: throw Malformed(offset: index)
            default:
                let start = index
                while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
                guard index > start else { throw Malformed(offset: index) }
                return .number(String(decoding: bytes[start..<index], as: UTF8.self))
            }
        }

        mutating func string() throws -> String {
            try expect("\"")
            var scalars = String.UnicodeScalarView()
            var pendingHigh: UInt32?
            var run: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                guard bytes[index] == UInt8(ascii: "\\") else { run.append(bytes[index]); index += 1; continue }
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                run = []
                index += 1
                let escape = next
                index += 1
                switch escape {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "u"):
                    guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
                    else { throw Malformed(offset: index) }
                    index += 4
                    if (0xD800..<0xDC00).contains(code) {
                        pendingHigh = code
                    } else if (0xDC00..<0xE000).contains(code), let high = pendingHigh {
                        scalars.append(Unicode.Scalar(0x10000 + (high - 0xD800) << 10 + (code - 0xDC00))!)
                        pendingHigh = nil
                    } else {
                        scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                    }
                default: scalars.append(Unicode.Scalar(escape))
                }
            }
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            try expect("\"")
            return String(scalars)
        }
    }
}
