
/// `Content/site.yaml`: the board's identity, menus and the contacts shown on every page.
public struct SiteConfig: Sendable {
    public struct Link: Sendable {
        public var title: String
        public var url: Reference
        public var text: String?
    }

    public struct Contact: Sendable {
        public var label: String
        public var phone: String

        /// `tel:` form of the number (digits only), or nil while it is a placeholder.
        public var telURL: String? { Placeholders.telURL(phone) }
        /// The number as the page shows it: "to be added" while it is a placeholder.
        public var shownPhone: String { Placeholders.contains(phone) ? "to be added" : phone }
    }

    public var name: String
    public var shortName: String
    public var baseURL: String
    public var description: String
    public var navigation: [Link]
    public var doors: [Link]
    public var footer: [Link]
    public var contacts: [Contact]
    /// The page that says more about what to do when worried, linked under the contacts.
    public var contactsPage: Link
    /// Where the quick exit on sensitive pages goes: a neutral site that shows nothing personal.
    public var quickExit: String
    /// The page explaining how to leave quickly and hide a visit (history is not erased).
    public var quickExitHelp: Link
    /// The header's colours, the logo, the footer's legal name and address.
    public var branding = Branding()
    /// The reading target for each audience, and whether going over one stops the build.
    public var reading = ReadingSettings.defaults
    /// Where each setting was written, for reports about them.
    public var fieldLocations: [String: SourceLocation] = [:]

    static let knownFields = ["name", "short_name", "base_url", "description", "navigation", "doors", "contacts", "contacts_page", "quick_exit", "quick_exit_help", "footer", "branding", "reading"]
    /// The fields of a `navigation` or `footer` entry, of a `doors` entry, and of a contact.
    static let linkFields = ["title", "url"]
    static let doorFields = ["title", "url", "text"]
    static let contactFields = ["label", "phone"]

    public static func parse(_ file: SourceFile) -> (SiteConfig?, [Diagnostic]) {
        let node: YAMLNode?
        switch YAMLReader.parse(file.text, in: file, firstLine: 1) {
        case .success(let parsed): node = parsed
        case .failure(let problem): return (nil, [problem])
        }
        let fields = FieldReader(node, in: file, firstLine: 1, what: "site settings")
        var diagnostics: [Diagnostic] = []
        let name = fields.string("name", required: true)
        let shortName = fields.string("short_name", required: true)
        let baseURL = fields.string("base_url", required: true)
        let description = fields.string("description", required: true)
        // The site's own address goes into feeds, calendars and email: checked as every
        // address is, then for what would make it more than a plain address.
        if let baseURL {
            if let problem = AddressCheck.checkWebsite(baseURL) {
                fields.failField("base_url", "`base_url`: \(problem.message)", hint: "Write the site's full address, like https://lscb.example.org.")
            } else if baseURL.hasSuffix("/") || baseURL.contains("?") || baseURL.contains("#") {
                fields.failField(
                    "base_url", "`base_url` must be the site's address alone, like https://lscb.example.org, not “\(baseURL)”",
                    hint: "Leave off the final slash, and anything after a ? or #.")
            }
        }

        func links(_ key: String, needsText: Bool) -> [Link] {
            fields.list(key, required: true).compactMap { entry in
                let title = entry.string("title", required: true)
                let url = entry.string("url", required: true)
                let text = entry.string("text", required: needsText)
                let (line, column) = entry.located("url") ?? entry.start
                diagnostics += entry.warnAboutUnknownFields(
                    allowed: needsText ? doorFields : linkFields, context: "`\(key)` entries")
                guard let title, let url else { return nil }
                let reference = Reference(
                    target: url, location: SourceLocation(path: file.path, line: line, column: column),
                    source: file.sourceLine(line))
                return Link(title: title, url: reference, text: text)
            }
        }
        let navigation = links("navigation", needsText: false)
        let doors = links("doors", needsText: true)
        let footer = links("footer", needsText: false)

        let contactEntries = fields.list("contacts", required: true)
        let contacts: [Contact] = contactEntries.compactMap { entry in
            let label = entry.string("label", required: true)
            let phone = entry.string("phone", required: true)
            diagnostics += entry.warnAboutUnknownFields(allowed: contactFields, context: "`contacts` entries")
            guard let label, let phone else { return nil }
            return Contact(label: label, phone: phone)
        }
        let contactsPage = fields.string("contacts_page", required: true).map { url in
            let (line, column) = fields.located("contacts_page") ?? fields.start
            return Link(
                title: "contacts_page",
                url: Reference(target: url, location: SourceLocation(path: file.path, line: line, column: column), source: file.sourceLine(line)))
        }
        let quickExit = fields.string("quick_exit", required: true)
        if let quickExit, AddressCheck.checkWebsite(quickExit) != nil {
            fields.failField(
                "quick_exit", "`quick_exit` must be the full address of another website, starting https://, not “\(quickExit)”",
                hint: "Choose a neutral site that shows nothing personal, such as https://www.bbc.co.uk/weather.")
        }
        let quickExitHelp = fields.string("quick_exit_help", required: true).map { url in
            let (line, column) = fields.located("quick_exit_help") ?? fields.start
            return Link(
                title: "quick_exit_help",
                url: Reference(target: url, location: SourceLocation(path: file.path, line: line, column: column), source: file.sourceLine(line)))
        }
        if let first = contacts.first, first.phone != "999" {
            fields.failField(
                "contacts", "the first contact must be 999, for a child in immediate danger",
                hint: "Put the 999 entry at the top of `contacts`: people in an emergency read the first line first.")
        }
        let (branding, brandingProblems) = Branding.read(fields.group("branding"))
        diagnostics += brandingProblems
        let (reading, readingProblems) = ReadingSettings.read(fields.group("reading"))
        diagnostics += readingProblems
        diagnostics += fields.warnAboutUnknownFields(allowed: knownFields, context: "the site settings")
        guard let name, let shortName, let baseURL, let description, let contactsPage, let quickExit, let quickExitHelp,
            !diagnostics.hasErrors
        else {
            return (nil, diagnostics)
        }
        var config = SiteConfig(
            name: name, shortName: shortName, baseURL: baseURL, description: description,
            navigation: navigation, doors: doors, footer: footer, contacts: contacts, contactsPage: contactsPage,
            quickExit: quickExit, quickExitHelp: quickExitHelp, fieldLocations: fields.locations)
        config.branding = branding
        config.reading = reading
        return (config, diagnostics)
    }
}
