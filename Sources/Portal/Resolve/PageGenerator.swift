/// Something that makes pages and files from data rather than from Markdown, such as the
/// training catalogue. The resolver asks each generator once the written pages are known.
public protocol PageGenerator: Sendable {
    /// Links written in the generator's data files, checked with every other link.
    var links: [LinkToCheck] { get }
    /// Pages to render through the theme.
    func pages(in site: Site) -> [GeneratedPage]
    /// Files written as they are (calendars, JSON).
    func files(in site: Site) -> [OutputFile]
}
