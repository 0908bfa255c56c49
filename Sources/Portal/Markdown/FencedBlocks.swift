/// Turns a fenced block with a known info string (```` ```courses ````, ```` ```table ````)
/// into generated HTML at build time: the way to add what cmark lacks without raw HTML in
/// content.
public protocol FencedBlockRenderer: Sendable {
    /// The info strings this renderer handles.
    var infoStrings: Set<String> { get }
    /// The theme's templates it renders with (a preview must compile its pages again when
    /// one of them changes).
    var templates: Set<String> { get }
    /// One block's HTML (nil if it has errors), its problems, and the data files it read.
    /// `firstLine` is the file line of the block's first body line. Any id the HTML gives an
    /// element is claimed from `ids`, which holds the page's headings' ids and those of the
    /// blocks before, so that no two elements of the page share one.
    func render(info: String, body: String, file: SourceFile, firstLine: Int, ids: inout UniqueIDs) -> BlockOutput
}

public struct BlockOutput: Sendable {
    public var html: String?
    public var problems: [Diagnostic]
    /// Names of files in Content/data/ the block used.
    public var uses: Set<String>

    public init(html: String?, problems: [Diagnostic] = [], uses: Set<String> = []) {
        self.html = html
        self.problems = problems
        self.uses = uses
    }
}
