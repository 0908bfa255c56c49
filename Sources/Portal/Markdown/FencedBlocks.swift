/// Turns a fenced block with a known info string (```` ```courses ````) into generated HTML
/// at build time: the way to add what cmark lacks without raw HTML in content.
public protocol FencedBlockRenderer: Sendable {
    /// The info strings this renderer handles.
    var infoStrings: Set<String> { get }
    /// HTML for one block (nil if it has errors) and any problems with it. `firstLine` is
    /// the file line of the block's first body line.
    func render(info: String, body: String, file: SourceFile, firstLine: Int) -> (html: String?, problems: [Diagnostic])
}
