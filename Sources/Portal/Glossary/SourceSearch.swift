/// Finds where words are written in a file, for problems found in text whose own position
/// is lost: cmark gives no positions inside a paragraph, nor YAML inside a folded value.
enum SourceSearch {
    /// The first place in `lines` where `words` are written as whole words, exactly, on one
    /// line: its line and column (in characters, from 1).
    static func locate(_ words: String, in file: SourceFile, lines: ClosedRange<Int>) -> (line: Int, column: Int)? {
        let form = GlossaryForm(entry: 0, kind: .term, text: words, matchesCase: true)
        var number = max(1, lines.lowerBound)
        while number <= lines.upperBound, let line = file.line(number) {
            let scalars = Array(line.unicodeScalars)
            for start in scalars.indices where start == 0 || !GlossaryText.joinsWord(scalars[start - 1]) {
                if form.match(scalars, at: start) != nil { return (number, start + 1) }
            }
            number += 1
        }
        return nil
    }
}
