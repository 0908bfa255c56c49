import Foundation

/// Syllables in English words, by rule: vowel groups, less a silent final e, with the
/// endings that change the count (-es, -ed, -ing, -ly, -ment …), vowel pairs said as two
/// (me·di·a, qui·et, ac·tu·al) and a small table of words the rules get wrong. Tested
/// against a list of common words with their dictionary counts (Fixtures/syllables.txt).
/// Linear in the word's length; no dictionary.
public enum Syllables {
    /// The syllables in a word as written: apostrophes are dropped (don't, children's),
    /// hyphenated parts counted one by one (well-known), accented letters read as plain
    /// ones. A word with no letters (a number) counts as one; an empty one as none.
    public static func count(_ word: some StringProtocol) -> Int { count(scalars: word.unicodeScalars) }

    static func count(scalars: some Sequence<Unicode.Scalar>) -> Int {
        var total = 0
        var part: [UInt8] = []
        part.reserveCapacity(16)
        var sawCharacter = false
        for scalar in scalars {
            sawCharacter = true
            if let letter = letter(scalar) {
                part.append(letter)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if !part.isEmpty {
                total += count(letters: part)
                part.removeAll(keepingCapacity: true)
            }
        }
        if !part.isEmpty { total += count(letters: part) }
        return total == 0 && sawCharacter ? 1 : total
    }

    /// A lower-case ASCII letter for a letter of the Latin alphabet, accents dropped.
    static func letter(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x41...0x5A: return UInt8(scalar.value + 0x20)
        case 0x61...0x7A: return UInt8(scalar.value)
        case 0xC0...0x24F:
            // Latin-1 and Latin Extended-A/B: the letter the accent sits on.
            guard let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                base.value < 0x80, base.properties.isAlphabetic else { return nil }
            return UInt8(base.value | 0x20)
        default: return nil
        }
    }

    /// Words the rules below get wrong, as dictionaries count them. Also stems the rules
    /// reach after taking an ending off (creat·ing).
    static let exceptions: [UInt64: Int] = Dictionary(uniqueKeysWithValues: exceptionWords.map { (key(Array($0.key.utf8))!, $0.value) })
    static let exceptionWords: [String: Int] = [
        "every": 2, "video": 3, "videos": 3, "theory": 3, "area": 3, "idea": 3, "ideal": 3, "create": 2, "creat": 2,
        "creative": 3, "creation": 3, "science": 2, "scientist": 3, "scientific": 4, "society": 4, "hundred": 2,
        "hundreds": 2, "business": 2, "businesses": 3, "evening": 2, "evenings": 2, "maybe": 2, "recipe": 3,
        "therefore": 2, "familiar": 3, "brilliant": 2, "genuine": 3, "ruin": 2, "fluid": 2, "poem": 2, "poet": 2,
        "theatre": 3, "react": 2, "reaction": 3, "reality": 4, "realise": 3, "realize": 3, "geography": 4,
        "cooperate": 4, "coordinate": 4, "persuade": 2, "naive": 2, "lion": 2, "wednesday": 2, "being": 2,
        "whereas": 2, "cafe": 2, "apostrophe": 4, "simile": 3, "anemone": 4, "hyperbole": 4, "quiet": 2, "marriage": 2, "colleague": 2, "colleagues": 2, "element": 3, "elements": 3,
    ]

    /// A word of up to 12 lower-case letters as one number, 5 bits a letter (none is 0, so
    /// no two words share one): looked up for every word, an array of letters took a hash
    /// of each letter, a sixth of the time measuring took.
    static func key(_ w: [UInt8]) -> UInt64? {
        guard w.count <= 12 else { return nil }
        var key: UInt64 = 0
        for letter in w { key = key << 5 | UInt64(letter &- 0x60) }
        return key
    }

    /// Words that begin with one of these are read as two: some·thing, safe·guard·ing.
    static let compounds: [[UInt8]] = ["every", "any", "some", "safe", "home", "life", "time", "care", "house", "guide", "side", "whole"].map { Array($0.utf8) }

    static func count(letters w: [UInt8]) -> Int {
        let n = w.count
        if n == 0 { return 0 }
        if let key = key(w), let known = exceptions[key] { return known }
        // A compound: the first word, then the rest (which must start a new syllable).
        for prefix in compounds where n > prefix.count + 1 && w.starts(with: prefix) {
            let rest = Array(w[prefix.count...])
            let startsAfterY = prefix.last == UInt8(ascii: "y") && isVowel(rest[0])
            guard (startsAfterY || !isVowel(rest[0])) && hasVowel(rest) else { continue }
            return count(letters: prefix) + count(letters: rest)
        }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard n > count else { return false }
            return suffix.withUTF8Buffer { s in
                for i in 0..<count where w[n - count + i] != s[i] { return false }
                return true
            }
        }
        func stem(_ drop: Int) -> [UInt8] { Array(w[..<(n - drop)]) }
        func ok(_ stem: [UInt8]) -> Bool { stem.count >= 3 && hasVowel(stem) }

        if n > 3, ends("ies") || ends("ied") { return count(letters: stem(3) + [UInt8(ascii: "y")]) }
        if n > 4, ends("ing"), hasVowel(stem(3)) { return count(letters: stem(3)) + 1 }
        if ends("ments"), ok(stem(5)) { return count(letters: stem(5)) + 1 }
        if ends("ment"), ok(stem(4)) { return count(letters: stem(4)) + 1 }
        if ends("ness"), ok(stem(4)) { return count(letters: stem(4)) + 1 }
        if ends("less"), ok(stem(4)) { return count(letters: stem(4)) + 1 }
        if ends("ful"), ok(stem(3)) { return count(letters: stem(3)) + 1 }
        if n > 4, ends("ly"), ok(stem(2)) { return count(letters: stem(2)) + 1 }
        if n > 2, ends("s"), !ends("ss"), !ends("us"), !ends("is") {
            let before = w[n - 2] == UInt8(ascii: "e") && n > 3 ? w[n - 3] : 0
            let sibilant = "sxzcg".utf8.contains(before)
                || (before == UInt8(ascii: "h") && n > 4 && (w[n - 4] == UInt8(ascii: "c") || w[n - 4] == UInt8(ascii: "s")))
            // box·es, chang·es, hous·es: the e is said; makes, tables: it is not.
            return count(letters: stem(1)) + (sibilant ? 1 : 0)
        }
        if n > 3, ends("ed") {
            let before = w[n - 3]
            switch before {
            case UInt8(ascii: "e"): break  // need, agreed
            case UInt8(ascii: "t"), UInt8(ascii: "d"): return count(letters: stem(1)) + 1  // want·ed, need·ed
            default: return count(letters: stem(1))  // asked, used, con·tin·ued, trou·bled
            }
        }
        return vowelGroups(w)
    }

    static func isVowel(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o") || c == UInt8(ascii: "u")
    }

    static func hasVowel(_ w: [UInt8]) -> Bool { w.contains { isVowel($0) || $0 == UInt8(ascii: "y") } }

    /// Vowel groups, counting a pair said as two, less a silent final e.
    static func vowelGroups(_ w: [UInt8]) -> Int {
        let n = w.count
        // y is a vowel except first or before a vowel (yes, beyond, player).
        func vowel(_ i: Int) -> Bool {
            guard i >= 0, i < n else { return false }
            if w[i] == UInt8(ascii: "y") { return i > 0 && !(i + 1 < n && isVowel(w[i + 1])) }
            return isVowel(w[i])
        }
        func at(_ i: Int) -> UInt8 { i >= 0 && i < n ? w[i] : 0 }
        func among(_ i: Int, _ letters: StaticString) -> Bool {
            let c = at(i)
            return letters.withUTF8Buffer { $0.contains(c) }
        }
        var count = 0
        for i in 0..<n where vowel(i) {
            guard vowel(i - 1) else {
                count += 1
                continue
            }
            // Two vowels side by side: one syllable, unless this pair is said as two.
            let (a, b) = (at(i - 1), w[i])
            switch (a, b) {
            case (UInt8(ascii: "i"), UInt8(ascii: "a")):  // me·di·a, tri·al; not so·cial, ini·tial
                if !among(i - 2, "cts") { count += 1 }
            case (UInt8(ascii: "i"), UInt8(ascii: "o")):  // ra·di·o, pe·ri·od, vi·o·lence; not na·tion, mil·lion, be·hav·iour
                let one = among(i - 2, "tscxgn") || (at(i - 2) == UInt8(ascii: "l") && at(i + 1) == UInt8(ascii: "n"))
                    || (at(i + 1) == UInt8(ascii: "u") && at(i + 2) == UInt8(ascii: "r"))
                if !one { count += 1 }
            case (UInt8(ascii: "i"), UInt8(ascii: "u")):  // me·di·um
                count += 1
            case (UInt8(ascii: "i"), UInt8(ascii: "e")):  // cli·ent, di·et, au·di·ence, ear·li·er; not pa·tient, friend, field
                let next = at(i + 1)
                let before = at(i + 2) == 0 || (at(i + 2) == UInt8(ascii: "s") && at(i + 3) == 0)
                let split = next == UInt8(ascii: "t") || (next == UInt8(ascii: "n") && among(i + 2, "tc"))
                    || (next == UInt8(ascii: "r") && before) || (next == UInt8(ascii: "s") && at(i + 2) == UInt8(ascii: "t") && at(i + 3) == 0)
                let ending = next == UInt8(ascii: "r") || next == UInt8(ascii: "s")
                if split && (ending || !among(i - 2, "cts")) { count += 1 }
            case (UInt8(ascii: "u"), UInt8(ascii: "a")), (UInt8(ascii: "u"), UInt8(ascii: "o")):  // ac·tu·al; not qual·i·ty, guard
                if !among(i - 2, "qg") { count += 1 }
            case (UInt8(ascii: "u"), UInt8(ascii: "e")):  // flu·ent, fu·el; not ques·tion, guest, is·sue
                if among(i + 1, "nlt") && !among(i - 2, "qg") { count += 1 }
            case (UInt8(ascii: "e"), UInt8(ascii: "o")):  // cour·te·ous; not peo·ple, gor·geous
                if at(i + 1) == UInt8(ascii: "u") && !among(i - 2, "gc") { count += 1 }
            default: break
            }
        }
        // A silent e at the end (make, whole), but not in ta·ble, cen·tre.
        if n >= 3, w[n - 1] == UInt8(ascii: "e"), !vowel(n - 2), count > 1 {
            let c = w[n - 2], d = w[n - 3]
            let syllabicL = c == UInt8(ascii: "l") && !vowel(n - 3) && d != UInt8(ascii: "l")
            let syllabicR = c == UInt8(ascii: "r") && !vowel(n - 3) && d != UInt8(ascii: "r")
            if !syllabicL && !syllabicR { count -= 1 }
        }
        // rac·is·m: a final -sm is said as its own syllable.
        if n >= 3, w[n - 1] == UInt8(ascii: "m"), w[n - 2] == UInt8(ascii: "s"), vowel(n - 3) { count += 1 }
        return max(1, count)
    }
}
