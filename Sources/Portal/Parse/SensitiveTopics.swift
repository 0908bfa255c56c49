/// Subjects that can put a reader at risk if someone sees them reading: a page about one,
/// written for parents, young people or communities, should say whether it needs the quick
/// exit. Found as whole words in the title and text, whatever their case.
enum SensitiveTopics {
    /// Each topic as it is named in a warning, with the words that show it.
    static let topics: [(name: String, words: [String])] = [
        ("child sexual exploitation", ["sexual exploitation", "sexually exploited", "cse", "grooming", "groomed"]),
        ("sexual abuse", ["sexual abuse", "sexually abused"]),
        ("private fostering", ["private fostering", "privately fostered"]),
        ("domestic abuse", ["domestic abuse", "domestic violence"]),
        ("female genital mutilation", ["female genital mutilation", "fgm"]),
        ("forced marriage", ["forced marriage"]),
        ("honour-based abuse", ["honour-based", "honour based"]),
        ("self-harm and suicide", ["self-harm", "self harm", "suicide", "suicidal"]),
        ("trafficking and county lines", ["trafficking", "trafficked", "county lines"]),
        ("radicalisation", ["radicalisation", "radicalised", "extremism"]),
    ]

    /// The words as lower-case scalars, made once.
    private static let folded = topics.map { topic in (topic.name, topic.words.map { Array($0.unicodeScalars) }) }

    /// The first topic `text` is about, if any.
    static func topic(in text: String) -> String? {
        let scalars = Array(text.lowercased().unicodeScalars)
        for (name, words) in folded where words.contains(where: { contains(scalars, word: $0) }) {
            return name
        }
        return nil
    }

    /// Whether `word` is in `text` with no letter or digit touching it on either side (an
    /// apostrophe or a dash of any kind is not a letter: “FGM’s” is about FGM).
    private static func contains(_ text: [Unicode.Scalar], word: [Unicode.Scalar]) -> Bool {
        guard word.count <= text.count, let first = word.first else { return false }
        var start = 0
        while start + word.count <= text.count {
            if text[start] == first, text[start..<start + word.count].elementsEqual(word),
                start == 0 || !text[start - 1].isLetterOrFigure,
                start + word.count == text.count || !text[start + word.count].isLetterOrFigure
            {
                return true
            }
            start += 1
        }
        return false
    }
}
