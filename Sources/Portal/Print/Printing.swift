import Foundation

/// A printed page's PDF, ready to publish, and the link to it its page shows.
struct PrintedDocument: Sendable {
    var file: OutputFile
    var download: DownloadView
    /// Its name in the cache.
    var cacheName: String
}

/// Makes the PDFs of the printed pages: from the cache when a page for paper is the same
/// as one printed before, else by WeasyPrint, several at once.
struct Printing: Sendable {
    let printer: Printer
    let cache: PrintCache?
    let baseURL: String

    /// The PDFs of `sources`, by page address. A PDF whose pages cannot be counted is a failure:
    /// the link could not say how long it is.
    func documents(_ sources: [Renderer.PrintSource]) throws(OutputWriter.Failure) -> [String: PrintedDocument] {
        let made = parallelMap(sources) { source -> Result<PrintedDocument, OutputWriter.Failure> in
            Result { () throws(OutputWriter.Failure) -> PrintedDocument in try document(source) }
        }
        var documents: [String: PrintedDocument] = [:]
        for (source, result) in zip(sources, made) {
            documents[source.url] = try result.get()
        }
        return documents
    }

    /// Keeps in the cache only the PDFs of `printed`, the site's printed pages now.
    func prune(keeping printed: [String: PrintedDocument]) {
        cache?.prune(keeping: Set(printed.values.map(\.cacheName)))
    }

    private func document(_ source: Renderer.PrintSource) throws(OutputWriter.Failure) -> PrintedDocument {
        // The key: the page for paper, how it is printed and by which WeasyPrint.
        let key = "\(printer.identity)\n\(baseURL)\n\(source.html)"
        let pdf: [UInt8]
        if let kept = cache?.pdf(for: key) {
            pdf = kept
        } else {
            pdf = try printer.print(source.html, baseURL: baseURL)
            cache?.keep(pdf, for: key)
        }
        let facts: PDFFacts
        do {
            facts = try PDFFacts.read(data: pdf, name: source.path)
        } catch {
            throw .io("WeasyPrint made a PDF of \(source.url) that cannot be read: \(error)")
        }
        let pages = facts.pageCount == 1 ? "1 page" : "\(facts.pageCount) pages"
        return PrintedDocument(
            file: OutputFile(path: source.path, contents: pdf),
            download: DownloadView(url: "/" + source.path, title: source.title, facts: "PDF, \(FileSize.text(pdf.count)), \(pages)"),
            cacheName: PrintCache.name(key))
    }
}
