import FlyingFox
import Foundation

/// Answers every request of the preview: the live-reload script and status, and the files
/// of the output folder (FlyingFox's directory handler has no index.html for folders and
/// cannot add the script to pages).
struct PreviewHandler: HTTPHandler {
    let root: String
    let board: StatusBoard
    /// The port the preview listens on, known once it listens.
    let port: ListeningPort

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard RequestPath.isPreviewHost(request.headers[.host], port: port.value) else {
            return respond(request, .forbidden, text: "This preview answers only at http://127.0.0.1:\(port.value)/.\n")
        }
        guard request.method == .GET || request.method == .HEAD else {
            return respond(request, .methodNotAllowed, text: "Only GET and HEAD are supported.\n")
        }
        // The path as sent: FlyingFox's `path` is tidied through URL, which drops the final
        // "/" that tells a folder's page from a file.
        let path = request.target.path()
        switch path {
        case LiveReload.scriptPath:
            return respond(request, .ok, Data(LiveReload.script.utf8), type: ContentType.of("reload.js"))
        case LiveReload.statusPath:
            return respond(request, .ok, Data(BuildStatus.json(await board.status).utf8), type: ContentType.of("status.json"))
        case LiveReload.socketPath:
            guard RequestPath.isPreviewOrigin(request.headers[HTTPHeader("Origin")], port: port.value) else {
                return respond(request, .forbidden, text: "Only the preview's own pages may listen here.\n")
            }
            let page = request.query.first { $0.name == "page" }?.value
            return try await WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: StatusSocket(board: board, page: page)))
                .handleRequest(request)
        default:
            return await serveFile(request, path: path)
        }
    }

    private func serveFile(_ request: HTTPRequest, path: String) async -> HTTPResponse {
        // Read before the file, so a page is never tagged newer than its content.
        let site = await board.status.site
        guard let relative = RequestPath.file(for: path) else {
            return respond(request, .forbidden, text: "This address is outside the site.\n")
        }
        var file = read(relative)
        if file == .missing, !FileManager.default.fileExists(atPath: root) {
            // The build swaps Site/ by two renames; a request can fall between them.
            try? await Task.sleep(for: .milliseconds(100))
            file = read(relative)
        }
        switch file {
        case .contents(let data):
            let body = ContentType.isHTML(relative) ? LiveReload.inject(into: data, site: site) : data
            return respond(request, .ok, body, type: ContentType.of(relative))
        case .folder:
            // `/about` → `/about/`, so the page's relative links resolve as on the real site.
            var headers = HTTPHeaders()
            headers[.location] = RequestPath.folderAddress(of: relative)
            return respond(request, .movedPermanently, Data(), headers: headers)
        case .missing:
            let notFound = "404.html"
            if case .contents(let data) = read(notFound) {
                return respond(request, .notFound, LiveReload.inject(into: data, site: site), type: ContentType.of(notFound))
            }
            let page = Data("<!doctype html><html lang=\"en\"><title>Not found</title><body><h1>Not found</h1><p>No page of the site has this address.</p></body></html>".utf8)
            return respond(request, .notFound, LiveReload.inject(into: page, site: site), type: ContentType.of(notFound))
        }
    }

    private enum File: Equatable {
        case contents(Data)
        case folder
        case missing
    }

    /// The file at `relative`, refusing anything whose real path (symbolic links followed)
    /// leaves the output folder.
    private func read(_ relative: String) -> File {
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let full = URL(fileURLWithPath: "\(root)/\(relative)").resolvingSymlinksInPath().path
        guard full.hasPrefix(realRoot + "/") else { return .missing }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) else { return .missing }
        if isFolder.boolValue { return .folder }
        return FileManager.default.contents(atPath: full).map(File.contents) ?? .missing
    }

    private func respond(_ request: HTTPRequest, _ status: HTTPStatusCode, text: String) -> HTTPResponse {
        respond(request, status, Data(text.utf8), type: ContentType.of("message.txt"))
    }

    /// Never cached: after a rebuild the browser must fetch the new page and stylesheet.
    private func respond(
        _ request: HTTPRequest, _ status: HTTPStatusCode, _ body: Data, type: String? = nil,
        headers: HTTPHeaders = HTTPHeaders()
    ) -> HTTPResponse {
        var headers = headers
        if let type { headers[.contentType] = type }
        headers[.cacheControl] = "no-store"
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}

/// The port the server listens on: set once it listens (the system may choose it).
final class ListeningPort: @unchecked Sendable {
    private let lock = NSLock()
    private var port: UInt16 = 0

    var value: UInt16 {
        get { lock.withLock { port } }
        set { lock.withLock { port = newValue } }
    }
}
