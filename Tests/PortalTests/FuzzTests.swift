import Foundation
import Testing

@testable import Portal

/// SplitMix64: a small generator with a seed, so every failure can be replayed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Mutates valid pages, data files and templates at random and builds each result: the
/// build must never crash or hang, and must either succeed or report errors that name a
/// file of the input. Bounded in iterations and time; the seed is printed on failure.
@Suite struct FuzzTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["PORTAL_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_121
    static let iterations = 160
    static let timeLimit: TimeInterval = 60

    static let pieces = ["\t", ":", ": ", "\"", "'", "-", "---", "#", "[", "]", "(", ")", "{{", "}}", "{{#x}}", "\n", "é", "’",
                         "\u{0}", "|", ">", "*", "`", "```", "```table", "```courses", "/", "../", "%", "&", "<b>", "javascript:",
                         "page:", "course:", "0", "-1", "2026-13-40", "Total", ","]

    func mutate(_ text: String, _ random: inout SeededRandom) -> String {
        var lines = text.components(separatedBy: "\n")
        guard !lines.isEmpty else { return text }
        let index = Int.random(in: 0..<lines.count, using: &random)
        switch Int.random(in: 0..<6, using: &random) {
        case 0: lines.remove(at: index)
        case 1: lines.insert(lines[index], at: index)
        case 2: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &random))
        case 3:
            var line = Array(lines[index])
            let at = line.isEmpty ? 0 : Int.random(in: 0...line.count, using: &random)
            line.insert(contentsOf: Self.pieces.randomElement(using: &random)!, at: at)
            lines[index] = String(line)
        case 4:
            var line = Array(lines[index])
            if !line.isEmpty { line.remove(at: Int.random(in: 0..<line.count, using: &random)) }
            lines[index] = String(line)
        default: lines = Array(lines.prefix(index))
        }
        return lines.joined(separator: "\n")
    }

    @Test func randomMistakesNeverCrashAndAreAlwaysLocated() throws {
        var random = SeededRandom(state: Self.seed)
        let golden = "\(Repo.fixtures)/golden/Content"
        var files: [String: String] = TrainingData.files()
        for path in SourceTree.list(golden) {
            files[path] = try String(contentsOfFile: "\(golden)/\(path)", encoding: .utf8)
        }
        let scratch = Scratch(files)
        defer { scratch.remove() }
        let theme = try scratch.copyTheme()
        let templates = SourceTree.list(theme + "/templates").map { "templates/\($0)" }
        let contentFiles = SourceTree.list(scratch.content)
        var options = scratch.options()
        options.theme = theme

        let started = Date()
        var outcomes = (built: 0, refused: 0)
        for iteration in 0..<Self.iterations where Date().timeIntervalSince(started) < Self.timeLimit {
            let inTheme = Int.random(in: 0..<5, using: &random) == 0
            let root = inTheme ? theme : scratch.content
            let path = inTheme ? templates.randomElement(using: &random)! : contentFiles.randomElement(using: &random)!
            let original = try String(contentsOfFile: "\(root)/\(path)", encoding: .utf8)
            var mutated = original
            for _ in 0..<Int.random(in: 1...3, using: &random) { mutated = mutate(mutated, &random) }
            try mutated.write(toFile: "\(root)/\(path)", atomically: false, encoding: .utf8)
            defer { try? original.write(toFile: "\(root)/\(path)", atomically: false, encoding: .utf8) }

            let began = Date()
            do {
                _ = try Build.generate(options)
                outcomes.built += 1
            } catch {
                outcomes.refused += 1
                let errors = error.diagnostics.filter(\.isError)
                #expect(!errors.isEmpty, "seed \(Self.seed), iteration \(iteration): a failed build must say why")
                for problem in errors {
                    #expect(
                        problem.location.path.hasPrefix(scratch.root) || problem.location.path.hasPrefix(theme),
                        "seed \(Self.seed), iteration \(iteration), \(path): “\(problem.message)” names no input file")
                    #expect(problem.hint != nil, "seed \(Self.seed), iteration \(iteration): “\(problem.message)” has no hint")
                }
            }
            #expect(Date().timeIntervalSince(began) < 10, "seed \(Self.seed), iteration \(iteration): a build took too long")
        }
        print("fuzz: seed \(Self.seed), \(outcomes.built) mutated sites built, \(outcomes.refused) refused with located errors")
        #expect(outcomes.built + outcomes.refused >= 20)
    }
}
