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

    /// The first topic `text` is about, if any.
    static func topic(in text: String) -> String? {
        let folded = Array(text.lowercased().utf8)
        for topic in topics where topic.words.contains(where: { contains(folded, word: Array($0.utf8)) }) {
            return topic.name
        }
        return nil
    }

    /// Whether `word` is in `text` with no letter or digit touching it on either side.
    private static func contains(_ text: [UInt8], word: [UInt8]) -> Bool {
        guard word.count <= text.count, let first = word.first else { return false }
        func isWordByte(_ byte: UInt8) -> Bool {
            (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte >= 0x80
        }
        var start = 0
        while start + word.count <= text.count {
            if text[start] == first, text[start..<start + word.count].elementsEqual(word),
                start == 0 || !isWordByte(text[start - 1]),
                start + word.count == text.count || !isWordByte(text[start + word.count])
            {
                return true
            }
            start += 1
        }
        return false
    }
}
