import Foundation
import Testing

@testable import Portal
@testable import PortalPreview

#if canImport(Glibc)
    import Glibc
    private let streamSocket = Int32(SOCK_STREAM.rawValue)
#else
    import Darwin
    private let streamSocket = SOCK_STREAM
#endif

/// `portal serve`: the rules that keep the preview inside the site, and one real session on
/// loopback (build, serve, edit, break, stop).
@Suite struct PreviewTests {
    @Test func foldersServeTheirIndexPage() {
        #expect(RequestPath.file(for: "/") == "index.html")
        #expect(RequestPath.file(for: "/about/") == "about/index.html")
        #expect(RequestPath.file(for: "/parents-carers/private-fostering/") == "parents-carers/private-fostering/index.html")
        #expect(RequestPath.file(for: "/a//b/") == "a/b/index.html")
        #expect(RequestPath.file(for: "/a/./b/") == "a/b/index.html")
        #expect(RequestPath.file(for: "/assets/site.css") == "assets/site.css")
        #expect(RequestPath.file(for: "/training/calendar.ics") == "training/calendar.ics")
        #expect(RequestPath.file(for: "/caf%C3%A9/") == "café/index.html")
    }

    @Test func pathsLeavingTheSiteAreRefused() {
        for path in [
            "/..", "/../etc/passwd", "/a/../../etc/passwd", "/a/%2e%2e/%2E%2E/etc/passwd",
            "/a/..%2F..%2Fetc/passwd", "/%2e%2e/", "about/", "", "/a%00b", "/%zz",
        ] {
            #expect(RequestPath.file(for: path) == nil, "\(path)")
        }
    }

    @Test func onlyThePreviewsOwnNamesAreAnswered() {
        #expect(RequestPath.isPreviewHost("127.0.0.1:8000", port: 8000))
        #expect(RequestPath.isPreviewHost("LOCALHOST:8000", port: 8000))
        for host in [nil, "", "127.0.0.1", "127.0.0.1:8001", "evil.example:8000", "localhost.evil.example:8000", "[::1]:8000"] {
            #expect(!RequestPath.isPreviewHost(host, port: 8000), "\(host ?? "no host")")
        }
        #expect(RequestPath.folderAddress(of: "about") == "/about/")
        #expect(RequestPath.folderAddress(of: "café/a b") == "/caf%C3%A9/a%20b/")
    }

    @Test func contentTypes() {
        #expect(ContentType.of("index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("assets/site.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("reload.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.of("training/calendar.ics") == "text/calendar; charset=utf-8")
        #expect(ContentType.of("training/courses.json") == "application/json")
        #expect(ContentType.of("sitemap.xml") == "application/xml")
        #expect(ContentType.of("robots.txt") == "text/plain; charset=utf-8")
        #expect(ContentType.of("logo.PNG") == "image/png")
        #expect(ContentType.of("photo.jpg") == "image/jpeg")
        #expect(ContentType.of("icon.svg") == "image/svg+xml")
        #expect(ContentType.of("README") == "application/octet-stream")
    }

    @Test func scriptGoesBeforeTheLastClosingBody() {
        func injected(_ html: String) -> String {
            String(decoding: LiveReload.inject(into: Data(html.utf8), site: 4), as: UTF8.self)
        }
        let tag = #"<script src="/__portal/reload.js" data-site="4"></script>"#
        #expect(injected("<p>a</p></body></html>\n") == "<p>a</p>\(tag)</body></html>\n")
        #expect(injected("<code>&lt;/body></code></BODY>") == "<code>&lt;/body></code>\(tag)</BODY>")
        #expect(injected("<p>no body</p>") == "<p>no body</p>\(tag)")
        #expect(injected("") == tag)
    }

    @Test func reloadScriptNeverWritesMarkup() {
        #expect(!LiveReload.script.contains("innerHTML"))
        #expect(!LiveReload.script.contains("insertAdjacentHTML"))
        #expect(LiveReload.script.contains("textContent"))
        #expect(LiveReload.script.contains(#""role", "alert""#))
        #expect(LiveReload.script.contains("Site not updated: fix these and save"))
    }

    @Test func changesAreNamed() {
        #expect(SourceSnapshot.describe(["Content/index.md"]) == "a change to Content/index.md")
        #expect(SourceSnapshot.describe(["Content/a.md", "Content/b.md"]) == "changes to Content/a.md and 1 other file")
        #expect(SourceSnapshot.describe(["Content/a.md", "Content/b.md", "Theme/x"]) == "changes to Content/a.md and 2 other files")
    }

    @Test func snapshotsSeeEditsAdditionsAndRemovalsButNotHiddenFiles() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let before = SourceSnapshot.take([scratch.content])
        #expect(before.files.count == 5)
        scratch.write("index.md", page(title: "Home", body: "Longer text than before."))
        scratch.write("new.md", page(title: "New"))
        scratch.write(".index.md.swp", "editor state")
        try FileManager.default.removeItem(atPath: "\(scratch.content)/accessibility.md")
        let after = SourceSnapshot.take([scratch.content])
        #expect(after.changes(since: before) == ["accessibility.md", "index.md", "new.md"].map { "\(scratch.content)/\($0)" })
        #expect(SourceSnapshot.take([scratch.content]).changes(since: after).isEmpty)
    }

    /// The whole preview over HTTP: about 2 s; every wait is bounded.
    @Test(.timeLimit(.minutes(1))) func servesRebuildsAndReportsErrors() async throws {
        let scratch = Scratch(["index.md": page(title: "Home", body: "First version.")])
        defer { scratch.remove() }
        let log = CollectedLog()
        let preview = PreviewServer(
            .init(build: scratch.options(), port: 0, pollInterval: .milliseconds(100)), log: log.log)
        let port = try await preview.start()
        #expect(port > 0)
        #expect(log.info.first?.hasPrefix("Built 5 pages into ") == true)

        // A page, with the script added on the way out only.
        let onDisk = try #require(FileManager.default.contents(atPath: "\(scratch.output)/index.html"))
        let first = try await HTTPGet.get("/", port: port)
        #expect(first.status == 200)
        #expect(first.headers["content-type"] == "text/html; charset=utf-8")
        #expect(first.headers["cache-control"] == "no-store")
        #expect(first.body.contains("First version."))
        #expect(first.body.contains(#"<script src="/__portal/reload.js" data-site="1"></script></body>"#))
        #expect(FileManager.default.contents(atPath: "\(scratch.output)/index.html") == onDisk)
        #expect(!String(decoding: onDisk, as: UTF8.self).contains("__portal"))
        #expect(try await status(port) == BuildStatus(build: 1, site: 1, ok: true, errors: []))

        let script = try await HTTPGet.get("/__portal/reload.js", port: port)
        #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(script.body == LiveReload.script)
        let css = try await HTTPGet.get("/assets/site.css", port: port)
        #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.body.contains("__portal"))
        let section = try await HTTPGet.get("/parents-carers/", port: port)
        #expect(section.status == 200 && section.body.contains("Parents and carers") && section.body.contains("/__portal/reload.js"))
        let folder = try await HTTPGet.get("/accessibility", port: port)
        #expect(folder.status == 301 && folder.headers["location"] == "/accessibility/")
        let missing = try await HTTPGet.get("/no-such-page/", port: port)
        #expect(missing.status == 404 && missing.body.contains("/__portal/reload.js"))
        let escape = try await HTTPGet.get("/a/%2e%2e/%2e%2e/etc/passwd", port: port)
        #expect(escape.status == 403 && !escape.body.contains("root:"))
        let dotted = try await HTTPGet.get("/../../etc/passwd", port: port)
        #expect(dotted.status == 403 && !dotted.body.contains("root:"))
        // A folder's address is completed on this site, never sent to another (//host/).
        let doubled = try await HTTPGet.get("//accessibility", port: port)
        #expect(doubled.status == 301 && doubled.headers["location"] == "/accessibility/")
        // Only the preview's own names are answered (DNS rebinding would give others).
        for host in ["evil.example:\(port)", "evil.example", "127.0.0.1:1", "127.0.0.1.evil.example:\(port)"] {
            let refused = try await HTTPGet.get("/__portal/status", port: port, host: host)
            #expect(refused.status == 403 && !refused.body.contains("site"), "\(host)")
        }
        #expect(try await HTTPGet.get("/", port: port, host: "localhost:\(port)").status == 200)

        // An edit is rebuilt and served.
        scratch.write("index.md", page(title: "Home", body: "Second version."))
        let second = try await waitForStatus(port) { $0.build == 2 }
        #expect(second == BuildStatus(build: 2, site: 2, ok: true, errors: []))
        let updated = try await HTTPGet.get("/", port: port)
        #expect(updated.body.contains("Second version.") && updated.body.contains(#"data-site="2""#))
        #expect(log.info.contains { $0.hasPrefix("Rebuilt 1 of 5 pages in ") && $0.hasSuffix(" ms after a change to \(scratch.content)/index.md.") })

        // A mistake: reported with its place, while the last good page stays.
        scratch.write("index.md", "---\ntitle: a: b\nsummary: A summary.\n---\nThird version.\n")
        let broken = try await waitForStatus(port) { $0.build == 3 }
        #expect(!broken.ok && broken.site == 2)
        let error = try #require(broken.errors.first)
        #expect(broken.errors.count == 1)
        #expect(error.location == "\(scratch.content)/index.md:2:9")
        #expect(error.message.contains("colon"))
        #expect(error.hint?.contains("double quotes") == true)
        let stale = try await HTTPGet.get("/", port: port)
        #expect(stale.status == 200 && stale.body.contains("Second version.") && !stale.body.contains("Third version."))
        #expect(log.problems.joined().contains("index.md:2:9: error: a value contains a colon"))
        #expect(log.problems.last?.hasPrefix("Site not updated after a change to \(scratch.content)/index.md: fix this error and save.") == true)

        // Fixed again: the next build is served.
        scratch.write("index.md", "---\ntitle: \"a: b\"\nsummary: A summary.\n---\nFourth version.\n")
        #expect(try await waitForStatus(port) { $0.build == 4 } == BuildStatus(build: 4, site: 4, ok: true, errors: []))
        #expect(try await HTTPGet.get("/", port: port).body.contains("Fourth version."))

        // An edit to a page for parents: its reading figures in the status and the terminal.
        scratch.write("parents-carers/index.md", page(title: "Parents and carers", body: "We can help. Call us."))
        let edited = try await waitForStatus(port) { $0.build == 5 }
        let path = "\(scratch.content)/parents-carers/index.md"
        let reading = try #require(edited.reading.first)
        #expect(edited.reading.count == 1 && reading.path == path && reading.title == "Parents and carers" && !reading.overTarget)
        #expect(reading.figures.hasPrefix("grade ") && reading.figures.hasSuffix(": within the target for parents and carers"))
        #expect(log.info.contains("  Reading, \(path): \(reading.figures)."))
        #expect(LiveReload.script.contains("status.reading"))

        await preview.stop()
        await #expect(throws: (any Error).self) { try await HTTPGet.get("/", port: port) }
    }

    /// The filesystem's safety through the preview: a data value naming a folder outside
    /// the site is refused, nothing is written there, and undoing it removes nothing there.
    /// Once, this wrote (and then deleted) a file outside the site.
    @Test(.timeLimit(.minutes(1))) func thePreviewNeverWritesOrRemovesOutsideTheSite() async throws {
        let scratch = Scratch(TrainingData.files())
        defer { scratch.remove() }
        let fm = FileManager.default
        let victim = "\(scratch.root)/victim/index.html"
        try fm.createDirectory(atPath: "\(scratch.root)/victim", withIntermediateDirectories: true)
        _ = fm.createFile(atPath: victim, contents: Data("not the site's".utf8))
        let preview = PreviewServer(.init(build: scratch.options(), port: 0, pollInterval: .milliseconds(100)), log: CollectedLog().log)
        let port = try await preview.start()
        #expect(try await status(port).ok)

        let programme = "data/training-programme.yaml"
        scratch.write(programme, TrainingData.programme.replacingOccurrences(of: "year: 2012-13", with: "year: ../../../victim"))
        let refused = try await waitForStatus(port) { $0.build == 2 }
        #expect(!refused.ok && refused.errors.map(\.location) == ["\(scratch.content)/\(programme):9:11"])
        scratch.write(programme, TrainingData.programme)
        #expect(try await waitForStatus(port) { $0.build == 3 }.ok)
        await preview.stop()
        #expect(fm.contents(atPath: victim) == Data("not the site's".utf8))
    }

    /// Pages hear of each build the moment it ends, over the socket; pages of other sites
    /// cannot listen; the socket ends when the preview stops.
    @Test(.timeLimit(.minutes(1))) func buildsArePushedToOpenPages() async throws {
        let scratch = Scratch(["index.md": page(title: "Home", body: "First version.")])
        defer { scratch.remove() }
        let preview = PreviewServer(.init(build: scratch.options(), port: 0), log: CollectedLog().log)
        let port = try await preview.start()
        let listener = try await StatusListener(port: port)
        #expect(listener.status == 101)
        #expect(try await listener.next() == BuildStatus(build: 1, site: 1, ok: true, errors: []))
        scratch.write("index.md", page(title: "Home", body: "Second version."))
        let pushed = try await listener.next()
        #expect(pushed.build == 2 && pushed.site == 2 && pushed.ok)
        scratch.write("index.md", "---\ntitle: a: b\nsummary: A summary.\n---\nThird.\n")
        let failed = try await listener.next()
        #expect(failed.build == 3 && failed.site == 2 && !failed.ok && failed.errors.count == 1)

        let elsewhere = try await StatusListener(port: port, origin: "http://evil.example")
        #expect(elsewhere.status == 403)
        #expect(try await StatusListener(port: port, origin: "http://localhost:\(port)").status == 101)

        await preview.stop()
        await #expect(throws: (any Error).self) { try await listener.next() }
    }

    /// Without file events the preview looks for changes itself, as before.
    @Test(.timeLimit(.minutes(1))) func withoutFileEventsChangesAreFoundByLooking() async throws {
        let scratch = Scratch(["index.md": page(title: "Home", body: "First version.")])
        defer { scratch.remove() }
        let preview = PreviewServer(
            .init(build: scratch.options(), port: 0, pollInterval: .milliseconds(100), fileEvents: false), log: CollectedLog().log)
        let port = try await preview.start()
        scratch.write("index.md", page(title: "Home", body: "Second version."))
        #expect(try await waitForStatus(port) { $0.build == 2 }.ok)
        #expect(try await HTTPGet.get("/", port: port).body.contains("Second version."))
        await preview.stop()
    }

    /// A hundred saves in quick succession end with the site a full build makes of the last.
    @Test(.timeLimit(.minutes(1))) func aHundredQuickSavesEndAsAFullBuildOfTheLast() async throws {
        let scratch = Scratch(["index.md": page(title: "Home", body: "Version 0."), "news/a.md": page(title: "A")])
        defer { scratch.remove() }
        let preview = PreviewServer(.init(build: scratch.options(), port: 0), log: CollectedLog().log)
        let port = try await preview.start()
        for version in 1...100 {
            scratch.write(version % 2 == 0 ? "index.md" : "news/a.md", page(title: version % 2 == 0 ? "Home" : "A", body: "Version \(version)."))
        }
        // Settled: no build for a second after the last save was served.
        var last = try await waitForStatus(port) { _ in true }
        while true {
            try await Task.sleep(for: .seconds(1))
            let now = try await status(port)
            if now == last { break }
            last = now
        }
        await preview.stop()
        var fresh = scratch.options()
        fresh.output = scratch.root + "/Fresh"
        _ = try Build.run(fresh)
        for path in SourceTree.list(fresh.output) {
            #expect(FileManager.default.contents(atPath: "\(scratch.output)/\(path)") == FileManager.default.contents(atPath: "\(fresh.output)/\(path)"), "\(path)")
        }
        #expect(SourceTree.list(scratch.output) == SourceTree.list(fresh.output))
    }

    @Test func thePreviewRefusesAnOutputItMustNotReplace() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.output, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: "\(scratch.output)/notes.txt", contents: Data("mine".utf8))
        let preview = PreviewServer(.init(build: scratch.options(), port: 0), log: CollectedLog().log)
        await #expect {
            try await preview.start()
        } throws: { error in
            "\(error)".contains("holds files that portal did not make")
        }
        var inside = scratch.options()
        inside.output = "\(scratch.content)/preview"
        let second = PreviewServer(.init(build: inside, port: 0), log: CollectedLog().log)
        await #expect(throws: PreviewError.self) { try await second.start() }
        #expect(FileManager.default.contents(atPath: "\(scratch.output)/notes.txt") == Data("mine".utf8))
    }

    @Test func aBusyPortIsNamed() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let first = PreviewServer(.init(build: scratch.options(), port: 0), log: CollectedLog().log)
        let port = try await first.start()
        let second = PreviewServer(.init(build: scratch.options(), port: port), log: CollectedLog().log)
        await #expect(throws: PreviewError.portInUse(port)) { try await second.start() }
        #expect(PreviewError.portInUse(port).description.contains("--port \(port + 1)"))
        await first.stop()
    }

    private func status(_ port: UInt16) async throws -> BuildStatus {
        let response = try await HTTPGet.get("/__portal/status", port: port)
        #expect(response.headers["content-type"] == "application/json")
        return try JSONDecoder().decode(BuildStatus.self, from: Data(response.body.utf8))
    }

    /// Polls the status until `done`, for at most 10 s.
    private func waitForStatus(_ port: UInt16, until done: (BuildStatus) -> Bool) async throws -> BuildStatus {
        let deadline = ContinuousClock.now + .seconds(10)
        while true {
            let current = try await status(port)
            if done(current) || ContinuousClock.now > deadline { return current }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// The preview's messages, kept for assertions.
private final class CollectedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var infoLines: [String] = []
    private var problemLines: [String] = []

    var info: [String] { lock.withLock { infoLines } }
    var problems: [String] { lock.withLock { problemLines } }

    var log: PreviewLog {
        PreviewLog(
            info: { line in self.lock.withLock { self.infoLines.append(line) } },
            problem: { line in self.lock.withLock { self.problemLines.append(line) } })
    }
}

/// A minimal HTTP/1.1 client over a plain socket: sends the path exactly as written (URL
/// loaders tidy `..` away before sending, which would hide what the server does with it).
private enum HTTPGet {
    struct Response {
        var status: Int
        var headers: [String: String]  // names in lower case
        var body: String
    }

    struct Failure: Error {}

    /// `host` is the Host header; nil sends the preview's own address.
    static func get(_ path: String, port: UInt16, host: String? = nil) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try blockingGet(path, port: port, host: host ?? "127.0.0.1:\(port)") })
            }
        }
    }

    /// A socket connected to the preview, which gives up reading after 5 s.
    static func connected(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, streamSocket, 0)
        guard fd >= 0 else { throw Failure() }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)  // a hung server fails the test, not the run
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            throw Failure()
        }
        return fd
    }

    private static func blockingGet(_ path: String, port: UInt16, host: String) throws -> Response {
        let fd = try connected(port: port)
        defer { close(fd) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { throw Failure() }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count < 0 { throw Failure() }
            if count == 0 { break }
            received += buffer[..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure() }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let status = lines.first?.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { throw Failure() }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

/// A page listening on the preview's socket, as the reload script does: the handshake,
/// then one text frame (the status as JSON) at a time. Blocking calls run off the
/// cooperative threads the server needs.
private final class StatusListener: @unchecked Sendable {
    let fd: Int32
    /// The handshake's status code (101 when the socket is open).
    private(set) var status = 0
    private var pending: [UInt8] = []

    init(port: UInt16, origin: String? = nil) async throws {
        fd = try HTTPGet.connected(port: port)
        let origin = origin.map { "Origin: \($0)\r\n" } ?? "Origin: http://127.0.0.1:\(port)\r\n"
        let request = Array(("GET /__portal/socket HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(origin)Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8)
        guard send(fd, request, request.count, 0) == request.count else { throw HTTPGet.Failure() }
        let head = try await read { listener in
            while listener.pending.count < 4 || !listener.pending.suffix(4).elementsEqual(Array("\r\n\r\n".utf8)) {
                try listener.receive(listener.pending.count + 1)
            }
            defer { listener.pending = [] }
            return String(decoding: listener.pending, as: UTF8.self)
        }
        status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    }

    deinit { close(fd) }

    /// The next status pushed.
    func next() async throws -> BuildStatus {
        let text = try await read { listener in
            try listener.receive(2)
            var length = Int(listener.pending[1] & 0x7f)
            var header = 2
            if length == 126 {
                try listener.receive(4)
                length = Int(listener.pending[2]) << 8 | Int(listener.pending[3])
                header = 4
            }
            try listener.receive(header + length)
            defer { listener.pending.removeFirst(header + length) }
            return String(decoding: listener.pending[header..<(header + length)], as: UTF8.self)
        }
        return try JSONDecoder().decode(BuildStatus.self, from: Data(text.utf8))
    }

    /// Reads until `pending` holds `count` bytes.
    private func receive(_ count: Int) throws {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while pending.count < count {
            let got = recv(fd, &buffer, min(buffer.count, count - pending.count), 0)
            guard got > 0 else { throw HTTPGet.Failure() }
            pending += buffer[..<got]
        }
    }

    private func read<T: Sendable>(_ work: @escaping @Sendable (StatusListener) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work(self) }) }
        }
    }
}
