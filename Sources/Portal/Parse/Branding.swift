/// The board's identity in `site.yaml` under `branding:`: the header's colours, a logo and
/// the footer's legal name and address. No template needs editing for any of them.
public struct Branding: Sendable {
    /// The header bar's background and text. Their contrast is checked (WCAG 2.2 AA).
    public var headerColour = Colour(hex: "#12436d")!
    public var headerTextColour = Colour(hex: "#ffffff")!
    /// An SVG or PNG file in the content folder, shown in the header.
    public var logo: Logo?
    /// The footer's legal name (the site's `name` if not given) and registered address.
    public var legalName: String?
    public var address: String?

    public struct Logo: Sendable {
        /// Inside the content folder, e.g. `images/logo.svg`; also its address on the site.
        public var path: String
        public var alt: String
        /// Its size, once the file is read.
        public var width: Int?
        public var height: Int?
        /// Where `logo:` was written, for problems with the file.
        public var location: SourceLocation
        public var source: SourceLine?
    }

    static let fields = ["header_colour", "header_text_colour", "logo", "logo_alt", "legal_name", "address"]

    /// Text needs 4.5:1 against its background (WCAG 2.2, 1.4.3).
    static let minimumContrast = 4.5

    /// Reads the `branding:` group, reporting each problem where it was written.
    static func read(_ fields: FieldReader?) -> (Branding, [Diagnostic]) {
        var branding = Branding()
        guard let fields else { return (branding, []) }
        func colour(_ key: String) -> Colour? {
            guard fields.has(key) else { return nil }
            guard let text = fields.string(key) else {
                // YAML reads `header_colour: #1d4f73` as a comment: the value is lost.
                fields.failField(
                    key, "`\(key)` is empty",
                    hint: "Put the colour in quotes, like \(key): \"#1d4f73\": without them, YAML reads everything after # as a comment.")
                return nil
            }
            guard let colour = Colour(hex: text) else {
                fields.failField(
                    key, "`\(key)` must be a colour written # and six hexadecimal digits, like \"#1d4f73\", not “\(text)”",
                    hint: "Copy the colour's hex code from your organisation's brand guidelines, in quotes.")
                return nil
            }
            return colour
        }
        let background = colour("header_colour")
        let text = colour("header_text_colour")
        branding.headerColour = background ?? branding.headerColour
        branding.headerTextColour = text ?? branding.headerTextColour
        let contrast = branding.headerColour.contrast(with: branding.headerTextColour)
        if background != nil || text != nil, contrast < minimumContrast {
            let field = background != nil ? "header_colour" : "header_text_colour"
            let nearest = branding.headerColour.nearest(withContrast: minimumContrast, against: branding.headerTextColour)
            let suggestion = nearest.map {
                "Use a \(branding.headerTextColour.luminance > 0.5 ? "darker" : "lighter") header colour, such as \"\($0.hex)\" (\(Colour.ratio($0.contrast(with: branding.headerTextColour)))), or change `header_text_colour`."
            } ?? "Choose colours further apart in lightness."
            fields.failField(
                field,
                "the header's text (\(branding.headerTextColour.hex)) on its colour (\(branding.headerColour.hex)) has a contrast of \(Colour.ratio(contrast)); it must be at least 4.5:1, for people with low vision",
                hint: suggestion)
        }
        if let path = fields.string("logo") {
            let (line, column) = fields.located("logo") ?? fields.start
            if let alt = fields.string("logo_alt") {
                branding.logo = Logo(
                    path: path, alt: alt, location: SourceLocation(path: fields.file.path, line: line, column: column),
                    source: fields.file.sourceLine(line))
            } else {
                fields.failField(
                    "logo", "the logo needs `logo_alt`, the text a screen reader says for it",
                    hint: "Add `logo_alt:` under `logo:` with what the logo says, e.g. the board's name.")
            }
        } else if fields.has("logo_alt") {
            fields.failField("logo_alt", "`logo_alt` is given but there is no `logo`", hint: "Add `logo:` with the logo file's path in the content folder, e.g. logo.svg.")
        }
        branding.legalName = fields.string("legal_name")
        branding.address = fields.string("address")
        return (branding, fields.warnAboutUnknownFields(allowed: Self.fields, context: "`branding`"))
    }
}
