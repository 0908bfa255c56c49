import Foundation
import Testing

@testable import Portal

/// Every case of the yaml-test-suite (../shared/suites/yaml-test-suite/data.tar.gz), read
/// as front matter by YAMLReader: each must give the suite's value or be refused with an
/// error at a line, and cases the suite marks as errors must be refused. portal reads
/// every scalar as text, so a JSON number, true, false or null is matched by a plain
/// scalar the YAML core schema reads as that value ("0x1F", "True", "~", nothing). Values
/// front matter cannot hold must be refused: streams of several documents, and keys that
/// are lists or mappings (cases without in.json, whose value is read from test.event).
@Suite struct YAMLTestSuiteTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var id: String
        var title: String
        var yaml: String
        var expected: Expected
        var testDescription: String { "\(id) (\(title))" }
    }

    enum Expected: Sendable {
        /// Only a located error is right, for this reason.
        case refusal(String)
        case documents([JSON])
    }

    /// The archive extracted into a temporary folder, its cases read, the folder removed.
    static func cases() throws -> [Case] {
        let archive = try PublicSuites.path("yaml-test-suite/data.tar.gz")
        let folder = NSTemporaryDirectory() + "portal-yaml-test-suite-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let tar = Process()
        tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tar.arguments = ["tar", "-xzf", archive, "-C", folder, "--strip-components=1"]
        try tar.run()
        tar.waitUntilExit()
        guard tar.terminationStatus == 0 else { throw PublicSuites.Problem(description: "tar could not extract \(archive)") }

        // One folder per case, or numbered folders inside one (`SM9W/00`); `name/` and
        // `tags/` hold links to the same cases and are skipped.
        let files = FileManager.default
        func isFolder(_ path: String) -> Bool { (try? files.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeDirectory }
        var ids: [String] = []
        for top in try files.contentsOfDirectory(atPath: folder).sorted() where isFolder("\(folder)/\(top)") {
            if files.fileExists(atPath: "\(folder)/\(top)/in.yaml") { ids.append(top); continue }
            for sub in try files.contentsOfDirectory(atPath: "\(folder)/\(top)").sorted()
            where isFolder("\(folder)/\(top)/\(sub)") && files.fileExists(atPath: "\(folder)/\(top)/\(sub)/in.yaml") {
                ids.append("\(top)/\(sub)")
            }
        }
        return try ids.map { id in
            func read(_ name: String) -> String? {
                files.contents(atPath: "\(folder)/\(id)/\(name)").map { String(decoding: $0, as: UTF8.self) }
            }
            let title = (read("===") ?? read("../===") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let expected: Expected
            if read("error") != nil {
                expected = .refusal("the suite marks it as an error")
            } else if let json = read("in.json") {
                expected = .documents(try JSON.documents(json))
            } else if let documents = documents(events: read("test.event") ?? "") {
                expected = .documents(documents)
            } else {
                expected = .refusal("a key is a list or a mapping, which front matter cannot have")
            }
            return Case(id: id, title: title, yaml: read("in.yaml") ?? "", expected: expected)
        }
    }

    /// The documents of a test.event stream, scalars as their text; nil if a key is not a scalar.
    static func documents(events: String) -> [JSON]? {
        var documents: [JSON] = []
        var open: [(items: [JSON], anchor: Substring?)] = []
        var anchors: [Substring: JSON] = [:]
        func finish(_ value: JSON, anchor: Substring?) {
            if let anchor { anchors[anchor] = value }
            if open.isEmpty { documents.append(value) } else { open[open.count - 1].items.append(value) }
        }
        for line in events.split(separator: "\n") {
            // An event, then properties (`&anchor`, `<tag>`), then for a scalar its style and text.
            let words = line.split(separator: " ")
            let anchor = words.dropFirst().prefix { $0.hasPrefix("&") || $0.hasPrefix("<") || $0 == "{}" || $0 == "[]" }
                .first { $0.hasPrefix("&") }?.dropFirst()
            switch words.first {
            case "+MAP", "+SEQ": open.append(([], anchor))
            case "-SEQ": let node = open.removeLast(); finish(.array(node.items), anchor: node.anchor)
            case "-MAP":
                let node = open.removeLast()
                var fields: [(key: String, value: JSON)] = []
                for index in stride(from: 0, to: node.items.count, by: 2) {
                    guard case .string(let key) = node.items[index] else { return nil }
                    fields.append((key, node.items[index + 1]))
                }
                finish(.object(fields), anchor: node.anchor)
            case "=ALI": finish(anchors[words[1].dropFirst()] ?? .null, anchor: nil)
            case "=VAL":
                var rest = line.dropFirst(5)
                while rest.hasPrefix("&") || rest.hasPrefix("<") { rest = rest.drop { $0 != " " }.dropFirst() }
                var text = "", escaped = false
                for character in rest.dropFirst() {
                    if escaped {
                        text.append(["n": "\n", "t": "\t", "r": "\r", "b": "\u{8}", "0": "\0"][character] ?? character)
                        escaped = false
                    } else if character == "\\" { escaped = true } else { text.append(character) }
                }
                finish(.string(text), anchor: anchor)
            default: break
            }
        }
        return documents
    }

    /// What the YAML core schema reads a plain scalar as: null, a flag, a number or text.
    static func coreSchema(_ plain: String) -> JSON {
        if ["", "~", "null", "Null", "NULL"].contains(plain) { return .null }
        if ["true", "True", "TRUE"].contains(plain) { return .bool(true) }
        if ["false", "False", "FALSE"].contains(plain) { return .bool(false) }
        if plain.hasPrefix("0x"), let number = Int(plain.dropFirst(2), radix: 16) { return .number(String(number)) }
        if plain.hasPrefix("0o"), let number = Int(plain.dropFirst(2), radix: 8) { return .number(String(number)) }
        let decimal = #/[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?/#
        if (try? decimal.wholeMatch(in: plain)) != nil, let number = Double(plain) { return .number(String(number)) }
        return .string(plain)
    }

    /// Why `node` is not `expected`, or nil when it is.
    static func mismatch(_ node: YAMLNode?, _ expected: JSON, at path: String = "") -> String? {
        let here = path.isEmpty ? "the value" : path
        switch (node?.value, expected) {
        case (nil, .null): return nil
        case (nil, _): return "\(here) is missing; the suite has \(expected)"
        case (.scalar(let text, _), .string(let string)):
            return text == string ? nil : "\(here) is \(text.debugDescription), not \(string.debugDescription)"
        case (.scalar(let text, let style), .null), (.scalar(let text, let style), .bool), (.scalar(let text, let style), .number):
            let reading = coreSchema(text)
            let same = switch (reading, expected) {
            case let (.number(a), .number(b)): Double(a) == Double(b)
            default: reading == expected
            }
            return same && style == .plain ? nil : "\(here) is \(style) \(text.debugDescription), which is not \(expected)"
        case (.sequence(let items), .array(let expectedItems)):
            guard items.count == expectedItems.count else { return "\(here) has \(items.count) items, not \(expectedItems.count)" }
            return zip(items, expectedItems).enumerated().lazy.compactMap { mismatch($1.0, $1.1, at: "\(path)[\($0)]") }.first
        case (.mapping(let entries), .object(let fields)):
            // In any order: in.json does not keep the YAML's.
            let (keys, expectedKeys) = (entries.map(\.key).sorted(), fields.map(\.key).sorted())
            guard keys == expectedKeys else { return "\(here) has keys \(keys), not \(expectedKeys)" }
            return fields.lazy.compactMap { field in
                mismatch(entries.first { $0.key == field.key }?.value, field.value, at: "\(path).\(field.key)")
            }.first
        case (.sequence, _): return "\(here) is a list, not \(expected)"
        case (.mapping(let entries), _): return "\(here) is a mapping of \(entries.map(\.key)), not \(expected)"
        case (.scalar(let text, _), _): return "\(here) is \(text.debugDescription), not \(expected)"
        }
    }

    @Test func everyCaseIsFound() throws {
        #expect(try Self.cases().count == 402)
    }

    /// Whose reading a wrong answer is: FlatYAML's, libyaml's own (passed on by YAMLReader
    /// as Yams gives it), or YAMLReader's checks and changes around libyaml.
    static func reader(of yaml: String, gave node: YAMLNode?) -> String {
        if FlatYAML.parse(yaml) != nil { return "FlatYAML" }
        switch Result(catching: { try YAMLReader.composed(yaml) }) {
        case .success(let alone) where alone == node: return "libyaml (Yams)"
        case .success: return "YAMLReader (libyaml alone reads it otherwise)"
        case .failure: return "YAMLReader (libyaml alone refuses it)"
        }
    }

    @Test(arguments: try cases())
    func givesTheSuitesValueOrALocatedError(_ test: Case) {
        let file = sourceFile(test.yaml, path: "Content/\(test.id)/in.yaml")
        switch (YAMLReader.parse(test.yaml, in: file, firstLine: 1), test.expected) {
        case (.failure(let problem), _):
            #expect(problem.location.line >= 1, "refused without a line: \(problem.message)")
        case (.success(let node), .refusal(let reason)):
            Issue.record("\(Self.reader(of: test.yaml, gave: node)) accepts it, but \(reason)")
        case (.success(let node), .documents(let documents)) where documents.count > 1:
            Issue.record("\(Self.reader(of: test.yaml, gave: node)) reads a stream of \(documents.count) documents as front matter")
        case (.success(let node), .documents(let documents)):
            if let why = Self.mismatch(node, documents.first ?? .null) { Issue.record("\(Self.reader(of: test.yaml, gave: node)): \(why)") }
        }
    }
}
