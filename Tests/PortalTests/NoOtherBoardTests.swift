import Foundation
import Testing

@testable import Portal

/// The names of England's upper-tier and unitary local authorities
/// (`Fixtures/english-local-authorities.txt`), found whole and case-sensitively in a text:
/// the program must name none of them, since every board uses it, and a site built for a
/// made-up board must contain none of them either (`find(in:)`, for that test).
///
/// A name is found only as whole words: `Havering` in “Havering LSCB” and “Havering’s”,
/// not in `HaveringX`; a name of several words only as written (`Stoke-on-Trent`,
/// `Bath and North East Somerset`), though a line may break where it has a space. A few names are also ordinary words, or part of other
/// names, and are found only where they name an area (`contextual`):
/// - Reading, Bury, Slough, Harrow: words that can begin a sentence (“Reading the file”).
/// - Hull: a word (a convex hull); the authority is Kingston upon Hull, found in full.
/// - York: New York (time zones such as America/New_York); the authority is the City of York.
/// - Greenwich: Greenwich Mean Time; the authority is the Royal Borough of Greenwich.
/// Those count when followed by a board's or council's word (“Reading LSCB”, “York
/// Safeguarding Children Partnership”, “Hull City Council”, possibly after ’s) or after
/// “City of” or “Borough of” (“City of York”). `London` is not in the list: it is no
/// single authority, and `Europe/London` is the time zone of every board.
enum OtherBoardNames {
    /// Every name in the fixture, in its order.
    static let names: [String] = {
        let path = "\(Repo.fixtures)/english-local-authorities.txt"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            preconditionFailure("cannot read \(path)")
        }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }()

    /// Names that are also ordinary words: found only beside a word that makes them a place.
    static let contextual: Set<String> = ["Reading", "Bury", "Slough", "Harrow", "Hull", "York", "Greenwich"]

    /// Words after a contextual name that make it a board's or council's name.
    static let namingWordsAfter: Set<String> = [
        "LSCB", "LSCP", "SCB", "SCP", "Safeguarding", "Local", "Council", "Borough", "City", "Children",
    ]

    /// Words before “of” that make a contextual name after it an area: “City of York”.
    static let namingWordsBefore: Set<String> = ["City", "Borough"]

    /// A name as its words and what is written between them.
    private struct Pattern {
        var name: String
        var words: [String]
        var separators: [String]
    }

    /// Each name's pattern, keyed by its first word, for one pass over a text.
    private static let byFirstWord: [String: [Pattern]] = {
        var index: [String: [Pattern]] = [:]
        for name in names {
            let scalars = Array(name.unicodeScalars)
            let words = Self.words(in: scalars)
            guard let first = words.first else { continue }
            let separators = zip(words, words.dropFirst()).map { separator(scalars[$0.end..<$1.start]) }
            index[first.text, default: []].append(Pattern(name: name, words: words.map(\.text), separators: separators))
        }
        return index
    }()

    /// What is written between two words, each run of white space (a line break too) as one space.
    private static func separator(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar.properties.isWhitespace {
                if text.last != " " { text.append(" ") }
            } else {
                text.append(scalar)
            }
        }
        return String(text)
    }

    /// The names found in `text`, sorted, each once.
    static func find(in text: String) -> [String] {
        Array(Set(occurrences(in: text).map(\.name))).sorted()
    }

    /// Every name found in `text`, with the line it is on (from 1), in text order.
    static func occurrences(in text: String) -> [(name: String, line: Int)] {
        let scalars = Array(text.unicodeScalars)
        let words = words(in: scalars)
        var found: [(name: String, line: Int)] = []
        for (index, word) in words.enumerated() {
            guard let candidates = byFirstWord[word.text] else { continue }
            for candidate in candidates where index + candidate.words.count <= words.count {
                let last = index + candidate.words.count - 1
                guard (index...last).allSatisfy({ words[$0].text == candidate.words[$0 - index] }),
                    (index..<last).allSatisfy({
                        separator(scalars[words[$0].end..<words[$0 + 1].start]) == candidate.separators[$0 - index]
                    })
                else { continue }
                if contextual.contains(candidate.name) {
                    guard namesAnArea(words: words, from: index, to: last, in: scalars) else { continue }
                }
                let line = scalars[..<word.start].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                found.append((candidate.name, line))
            }
        }
        return found
    }

    /// Whether the words `first...last` of a contextual name name an area: a naming word
    /// follows (after ’s, if written), or “City of” or “Borough of” comes before.
    private static func namesAnArea(words: [Word], from first: Int, to last: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var next = last + 1
        // “Reading’s LSCB”: skip the s of a possessive.
        if next < words.count, words[next].text == "s", words[next].start == words[last].end + 1,
            ["'", "’"].contains(scalars[words[last].end])
        {
            next += 1
        }
        if next < words.count, namingWordsAfter.contains(words[next].text) { return true }
        if first >= 2, words[first - 1].text == "of", namingWordsBefore.contains(words[first - 2].text) { return true }
        return false
    }

    struct Word {
        var text: String
        var start: Int
        var end: Int
    }

    /// The runs of letters and digits in `scalars`, with where each starts and ends.
    private static func words(in scalars: [Unicode.Scalar]) -> [Word] {
        var words: [Word] = []
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            if isWordScalar {
                if start == nil { start = index }
            } else if let begun = start {
                words.append(Word(text: String(String.UnicodeScalarView(scalars[begun..<index])), start: begun, end: index))
                start = nil
            }
        }
        if let begun = start {
            words.append(Word(text: String(String.UnicodeScalarView(scalars[begun...])), start: begun, end: scalars.count))
        }
        return words
    }
}

@Suite struct NoOtherBoardTests {
    /// The folders that are the program, shared by every board: the engine, the theme, the
    /// plugins that build it, and the starter content `portal init` copies for a new board.
    static let programFolders = ["Sources", "Theme", "Plugins", "Starter"]

    @Test func theListHasEveryAuthority() {
        let names = OtherBoardNames.names
        #expect(names.count >= 153, "England has 153 upper-tier and unitary authorities")
        #expect(Set(names).count == names.count, "each name once")
        for name in ["Havering", "Redbridge", "Barking and Dagenham", "Croydon", "Leeds", "Torbay", "Kent", "Cornwall",
                     "Isles of Scilly", "City of London", "Westmorland and Furness", "North Northamptonshire"] {
            #expect(names.contains(name), "\(name) is listed")
        }
        #expect(OtherBoardNames.contextual.isSubset(of: Set(names)), "every contextual name is a listed name")
    }

    @Test(arguments: [
        ("Havering LSCB’s training programme", ["Havering"]),
        ("Havering's, (Havering) and Havering.", ["Havering"]),
        ("HaveringX, xHavering, HAVERING and havering", []),
        ("Stoke-on-Trent and Stoke on Trent", ["Stoke-on-Trent"]),
        ("Bath and North East Somerset", ["Bath and North East Somerset", "Somerset"]),
        ("Barking and\n  Dagenham; Barking, Dagenham", ["Barking and Dagenham"]),
        ("Reading the file. Bury it. Hull, York and Greenwich Mean Time in America/New_York.", []),
        ("Reading Borough Council and Bury Safeguarding Children Partnership", ["Bury", "Reading"]),
        ("City of York, the Royal Borough of Greenwich, Hull City Council, Harrow’s LSCB", ["Greenwich", "Harrow", "Hull", "York"]),
        ("Kingston upon Hull", ["Kingston upon Hull"]),
        ("Europe/London", []),
        ("Northmoor Safeguarding Children Partnership", []),
    ])
    func namesAreFoundWholeAndOnlyAsPlaces(text: String, expected: [String]) {
        #expect(OtherBoardNames.find(in: text) == expected)
    }

    @Test func occurrencesSayTheirLine() {
        let found = OtherBoardNames.occurrences(in: "first\nsecond Croydon\n\nLeeds and Croydon")
        #expect(found.map { "\($0.name):\($0.line)" } == ["Croydon:2", "Leeds:4", "Croydon:4"])
    }

    /// No file of the program names a board's area: its words are every board's. A board's
    /// own name comes from its site.yaml (`name`, `short_name`) and its content.
    @Test func theProgramNamesNoBoard() throws {
        var checked = 0
        var found: [String] = []
        for folder in Self.programFolders {
            let root = "\(Repo.root)/\(folder)"
            guard FileManager.default.fileExists(atPath: root) else { continue }
            for path in SourceTree.list(root) {
                guard let data = FileManager.default.contents(atPath: "\(root)/\(path)"),
                    let text = String(data: data, encoding: .utf8)
                else { continue }
                checked += 1
                found += OtherBoardNames.occurrences(in: text).map { "\(folder)/\(path):\($0.line): \($0.name)" }
            }
        }
        #expect(checked > 50, "the program's files were read")
        #expect(found.isEmpty, "a board's area named in the program:\n\(found.joined(separator: "\n"))")
    }
}
