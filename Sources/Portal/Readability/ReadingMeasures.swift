import CCmark

/// A sentence of a page's text: where it starts in the file and how long it is.
public struct Sentence: Sendable, Equatable {
    /// The sentence's words as written, one space between each.
    public var text: String
    /// The file line the sentence starts on.
    public var line: Int
    public var words: Int
}

/// How hard a page's text is to read: its sentences, words and syllables counted from the
/// compiled Markdown, and the figures made from them (`docs/CONTENT-FORMAT.md`, "How hard
/// is the text to read?", says for authors exactly what is counted).
///
/// Only the running text is measured: paragraphs, in block quotes too. Headings, list items,
/// table rows, code (blocks and `inline`), images' descriptions and raw HTML are not
/// sentences and are left out. One pass over the document, linear in its length.
public struct ReadingMeasures: Sendable, Equatable {
    public private(set) var sentences = 0
    public private(set) var words = 0
    public private(set) var syllables = 0
    /// Words of three syllables or more.
    public private(set) var longWords = 0
    /// Sentences of more than `longSentence` words.
    public private(set) var longSentences = 0
    /// The `kept` longest sentences, longest first; of two as long, the earlier first.
    public private(set) var longest: [Sentence] = []
    /// For each of `longest`, its paragraph and tokens: the text is written once the whole
    /// text is measured, only for the sentences kept then (writing the text of every
    /// sentence that was among the longest so far took most of the time measuring took).
    private var unwritten: [(text: [Unicode.Scalar], tokens: ArraySlice<Range<Int>>)] = []

    /// A sentence longer than this many words is a long one.
    public static let longSentence = 25
    static let kept = 3

    public init() {}

    /// Equal figures and longest sentences (what is still to be written is not compared).
    public static func == (a: ReadingMeasures, b: ReadingMeasures) -> Bool {
        (a.sentences, a.words, a.syllables, a.longWords, a.longSentences) == (b.sentences, b.words, b.syllables, b.longWords, b.longSentences)
            && a.longest == b.longest
    }

    public var wordsPerSentence: Double { sentences == 0 ? 0 : Double(words) / Double(sentences) }
    public var syllablesPerWord: Double { words == 0 ? 0 : Double(syllables) / Double(words) }
    /// The share of sentences over `longSentence` words, 0 to 1.
    public var shareOfLongSentences: Double { sentences == 0 ? 0 : Double(longSentences) / Double(sentences) }
    /// The share of words of three syllables or more, 0 to 1.
    public var shareOfLongWords: Double { words == 0 ? 0 : Double(longWords) / Double(words) }

    /// Flesch Reading Ease (Flesch 1948): higher is easier; 60 to 70 is plain English.
    public var readingEase: Double { Self.readingEase(wordsPerSentence: wordsPerSentence, syllablesPerWord: syllablesPerWord) }
    /// Flesch–Kincaid grade (Kincaid et al. 1975): the US school grade, so a reading age of
    /// about the grade plus five.
    public var grade: Double { Self.grade(wordsPerSentence: wordsPerSentence, syllablesPerWord: syllablesPerWord) }

    public static func readingEase(wordsPerSentence: Double, syllablesPerWord: Double) -> Double {
        206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
    }

    public static func grade(wordsPerSentence: Double, syllablesPerWord: Double) -> Double {
        0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59
    }

    /// Measures a page body's Markdown; `firstLine` is the file line it starts on.
    public static func measure(markdown: String, firstLine: Int = 1) -> ReadingMeasures {
        measure(CMarkDocument(markdown: markdown), firstLine: firstLine)
    }

    /// Measures plain text as one paragraph starting on `line` (a new line in it is a new
    /// line of the file, not a new sentence).
    public static func measure(text: String, line: Int = 1) -> ReadingMeasures {
        var measures = ReadingMeasures()
        measures.add(paragraph: Array(text.unicodeScalars), line: line)
        measures.writeLongest()
        return measures
    }

    static func measure(_ document: CMarkDocument, firstLine: Int) -> ReadingMeasures {
        var measures = ReadingMeasures()
        var items = 0
        var images = 0
        var paragraph: [Unicode.Scalar]?
        var line = 0
        document.walk { node, entering in
            switch node.type {
            case CMARK_NODE_ITEM: items += entering ? 1 : -1
            case CMARK_NODE_IMAGE: images += entering ? 1 : -1
            case CMARK_NODE_PARAGRAPH:
                if entering, items == 0 {
                    paragraph = []
                    line = node.startLine + firstLine - 1
                } else if !entering, let text = paragraph {
                    measures.add(paragraph: text, line: line)
                    paragraph = nil
                }
            case CMARK_NODE_TEXT:
                guard paragraph != nil, images == 0, let literal = node.literal else { break }
                paragraph!.append(contentsOf: literal.unicodeScalars)
            case CMARK_NODE_CODE:
                // Inline code is not counted; it parts the words either side.
                if paragraph != nil { paragraph!.append(" ") }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if paragraph != nil { paragraph!.append("\n") }
            case CMARK_NODE_HTML_INLINE:
                // Not counted, but its lines are lines of the file.
                guard paragraph != nil, let literal = node.literal else { break }
                paragraph!.append(" ")
                paragraph!.append(contentsOf: literal.unicodeScalars.filter { $0 == "\n" })
            default: break
            }
        }
        measures.writeLongest()
        return measures
    }

    /// Openers and closers around a word: quotes, brackets, emphasis written as text.
    static func isOpener(_ s: Unicode.Scalar) -> Bool { "([{\"'\u{201C}\u{2018}*_".unicodeScalars.contains(s) }
    static func isCloser(_ s: Unicode.Scalar) -> Bool { ")]}\"'\u{201D}\u{2019}*_".unicodeScalars.contains(s) }
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? s == " " || s == "\n" || s == "\t" || s == "\r" : s.properties.isWhitespace
    }
    /// Short forms a full stop does not end a sentence after.
    static let abbreviations: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "st", "e.g", "i.e", "eg", "ie", "cf", "vs", "approx", "tel", "no"]

    /// Splits one paragraph (new lines marked by "\n") into sentences and counts them.
    mutating func add(paragraph text: [Unicode.Scalar], line firstLine: Int) {
        // Tokens: runs of non-whitespace, each with its line.
        var tokens: [Range<Int>] = []
        var lines: [Int] = []
        var line = firstLine
        var start: Int?
        for (i, scalar) in text.enumerated() {
            if Self.isWhitespace(scalar) {
                if let s = start {
                    tokens.append(s..<i)
                    lines.append(line)
                }
                start = nil
                if scalar == "\n" { line += 1 }
            } else if start == nil {
                start = i
            }
        }
        if let s = start {
            tokens.append(s..<text.count)
            lines.append(line)
        }
        // A paragraph written as a table (| a | b |) is a table, not sentences.
        if let first = tokens.first, text[first.lowerBound] == "|" { return }

        var sentenceStart = 0
        var sentenceWords = 0
        for (index, token) in tokens.enumerated() {
            let scalars = text[token]
            if scalars.contains(where: \.isLetterOrFigure) {
                sentenceWords += 1
                let count = Syllables.count(scalars: scalars)
                syllables += count
                if count >= 3 { longWords += 1 }
            }
            let isLast = index == tokens.count - 1
            guard isLast || endsSentence(text, token, next: tokens[index + 1]) else { continue }
            if sentenceWords > 0 {
                finishSentence(text, tokens[sentenceStart...index], line: lines[sentenceStart], words: sentenceWords)
            }
            sentenceStart = index + 1
            sentenceWords = 0
        }
    }

    /// Whether the token ends a sentence: it ends in . ! ? or … (before any closing quote or
    /// bracket), the next starts with a capital letter or a figure, and it is not a short
    /// form (Dr., e.g.) or an initial (J.).
    func endsSentence(_ text: [Unicode.Scalar], _ token: Range<Int>, next: Range<Int>) -> Bool {
        var end = token.upperBound
        while end > token.lowerBound, Self.isCloser(text[end - 1]) { end -= 1 }
        guard end > token.lowerBound else { return false }
        let mark = text[end - 1]
        guard mark == "." || mark == "!" || mark == "?" || mark == "\u{2026}" else { return false }
        var first = next.lowerBound
        while first < next.upperBound - 1, Self.isOpener(text[first]) { first += 1 }
        let following = text[first]
        guard following.properties.isUppercase || following.properties.numericType != nil else { return false }
        if mark == "." {
            var begin = token.lowerBound
            while begin < end, Self.isOpener(text[begin]) { begin += 1 }
            let word = Self.string(text[begin..<(end - 1)]).lowercased()
            if Self.abbreviations.contains(word) { return false }
            if end - 1 - begin == 1, text[begin].properties.isUppercase { return false }
        }
        return true
    }

    /// Counts a sentence: its `tokens` in its paragraph's `text`.
    mutating func finishSentence(_ text: [Unicode.Scalar], _ tokens: ArraySlice<Range<Int>>, line: Int, words count: Int) {
        sentences += 1
        words += count
        if count > Self.longSentence { longSentences += 1 }
        guard longest.count < Self.kept || count > longest[longest.count - 1].words else { return }
        let place = longest.firstIndex { $0.words < count } ?? longest.count
        longest.insert(Sentence(text: "", line: line, words: count), at: place)
        unwritten.insert((text, tokens), at: place)
        if longest.count > Self.kept {
            longest.removeLast()
            unwritten.removeLast()
        }
    }

    /// Writes the text of the longest sentences: their words, one space between each.
    mutating func writeLongest() {
        for (place, sentence) in unwritten.enumerated() {
            var written: [UInt8] = []
            for token in sentence.tokens {
                if !written.isEmpty { written.append(UInt8(ascii: " ")) }
                Self.encode(sentence.text[token], into: &written)
            }
            longest[place].text = String(decoding: written, as: UTF8.self)
        }
        unwritten = []
    }

    /// Scalars as a string, through UTF-8: appending them to a `String.UnicodeScalarView`
    /// took about a tenth of a microsecond each, and half of all the time measuring took.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        encode(scalars, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func encode(_ scalars: ArraySlice<Unicode.Scalar>, into bytes: inout [UInt8]) {
        for scalar in scalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
    }
}
