import Foundation

/// An image published as it is, such as the logo: SVG or PNG only, and nothing in it but
/// the picture. A PNG keeps only the chunks that draw it (no text, dates, EXIF or GPS); an
/// SVG is refused if it could run script or fetch from elsewhere, and loses its comments
/// and `<metadata>` (where drawing programs write who made it).
enum ImageFile {
    struct Checked: Equatable {
        var bytes: [UInt8]
        var width: Int?
        var height: Int?
    }

    struct Problem: Error, Equatable {
        var message: String
        var hint: String
    }

    static func check(_ bytes: [UInt8], named path: String) -> Result<Checked, Problem> {
        switch path.split(separator: ".").last?.lowercased() {
        case "png": png(bytes)
        case "svg": svg(bytes)
        default:
            .failure(Problem(
                message: "the image must be an SVG or PNG file",
                hint: "Save the image as .svg (best for a logo: sharp at any size) or .png."))
        }
    }

    // MARK: PNG

    private static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// The chunks that draw the picture; every other (tEXt, iTXt, zTXt, eXIf, tIME, iCCP…)
    /// is left out.
    private static let drawing: Set<String> = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "sBIT", "bKGD", "pHYs"]

    static func png(_ bytes: [UInt8]) -> Result<Checked, Problem> {
        let unreadable = Problem(
            message: "this is not a PNG image that can be read",
            hint: "Open it in an image editor and save it again as PNG, or use an SVG.")
        guard bytes.starts(with: signature) else { return .failure(unreadable) }
        var kept = signature
        var offset = signature.count
        var size: (Int, Int)?
        var ended = false
        func number(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        while !ended {
            guard offset + 12 <= bytes.count else { return .failure(unreadable) }
            let length = number(offset)
            let end = offset + 12 + length
            guard length >= 0, end <= bytes.count else { return .failure(unreadable) }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            if offset == signature.count {
                guard type == "IHDR", length >= 8 else { return .failure(unreadable) }
                size = (number(offset + 8), number(offset + 12))
            }
            if drawing.contains(type) { kept += bytes[offset..<end] }
            ended = type == "IEND"
            offset = end
        }
        return .success(Checked(bytes: kept, width: size?.0, height: size?.1))
    }

    // MARK: SVG

    /// What would let an SVG run script, embed a page or fetch from elsewhere when it is
    /// opened on its own (a browser runs an SVG's script at its own address).
    private static let active: [(pattern: String, what: String)] = [
        (#"<\s*script"#, "a script"),
        (#"<\s*foreignobject"#, "a foreignObject (a web page inside the picture)"),
        (#"<\s*(iframe|embed|object)\b"#, "an embedded page"),
        (#"\son[a-z]+\s*="#, "an event attribute (onload=, onclick=…), which runs script"),
        (#"javascript\s*:"#, "a javascript: address"),
        (#"<!\s*entity"#, "an XML entity"),
        (#"(href\s*=\s*["']\s*(https?:)?//|url\(\s*["']?\s*(https?:)?//|@import)"#, "a reference to a file on another website"),
    ]

    /// `text` without each part from `opening` to the end of `closing` (an empty element,
    /// `<metadata/>`, ends at its own `/>`). One pass forward: each search starts where the
    /// last ended, and one that finds no end stops it, so no part is searched twice.
    static func removing(from text: String, opening: String, closing: String) -> String {
        var kept = ""
        var rest = text[...]
        while let start = rest.range(of: opening, options: .caseInsensitive) {
            kept += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let tagEnd = after.firstIndex(of: ">")
            if let tagEnd, tagEnd > after.startIndex, after[after.index(before: tagEnd)] == "/", !closing.hasPrefix("--") {
                rest = after[after.index(after: tagEnd)...]
            } else if let end = after.range(of: closing, options: .caseInsensitive) {
                rest = after[end.upperBound...]
            } else {
                rest = rest[start.lowerBound...]
                break
            }
        }
        return kept + rest
    }

    static func svg(_ bytes: [UInt8]) -> Result<Checked, Problem> {
        guard let text = String(validating: bytes, as: UTF8.self), let start = text.range(of: "<svg") else {
            return .failure(Problem(
                message: "this is not an SVG image that can be read",
                hint: "Export it again from your drawing program as SVG (UTF-8), or use a PNG."))
        }
        let lowered = text.lowercased()
        for (pattern, what) in active where lowered.range(of: pattern, options: .regularExpression) != nil {
            return .failure(Problem(
                message: "this SVG contains \(what), which the site does not publish",
                hint: "Export the logo again as a plain picture (in Inkscape: Save as Optimised SVG; in Illustrator: SVG with no scripts or links), or use a PNG."))
        }
        let cleaned = removing(from: removing(from: text, opening: "<!--", closing: "-->"), opening: "<metadata", closing: "</metadata>")
        let tag = text[start.lowerBound...].prefix { $0 != ">" }
        func attribute(_ name: String) -> String? {
            guard let found = tag.range(of: #"\s\#(name)\s*=\s*["']([^"']*)["']"#, options: .regularExpression) else { return nil }
            let value = tag[found].drop { $0 != "\"" && $0 != "'" }.dropFirst().dropLast()
            return String(value)
        }
        func number(_ text: String?) -> Int? {
            text.flatMap { Double($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "px", with: "")) }
                .map { Int($0.rounded()) }
        }
        var (width, height) = (number(attribute("width")), number(attribute("height")))
        if width == nil || height == nil, let box = attribute("viewBox") {
            let parts = box.split { $0 == " " || $0 == "," }.compactMap { Double($0) }
            if parts.count == 4 { (width, height) = (Int(parts[2].rounded()), Int(parts[3].rounded())) }
        }
        return .success(Checked(bytes: Array(cleaned.utf8), width: width, height: height))
    }
}
