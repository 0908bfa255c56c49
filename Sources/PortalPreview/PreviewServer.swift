import FlyingFox
import FlyingSocks  // SocketError, to recognise "port in use"; a dependency of FlyingFox
import Foundation
import Portal

/// Why the preview could not start, in words for the person at the keyboard.
public enum PreviewError: Error, CustomStringConvertible, Equatable {
    case portInUse(UInt16)
    case portNotAllowed(UInt16)
    case cannotListen(String)
    case unsafeOutput(String)
    case noContent(String)

    public var description: String {
        switch self {
        case .portInUse(let port):
            "Port \(port) is already in use, perhaps by another preview that is still running. "
                + "Stop it (Ctrl+C in its window), or choose another port: portal serve --port \(port < 65535 ? port + 1 : 8000)"
        case .portNotAllowed(let port):
            "This computer does not allow the preview to use port \(port). Choose a port above 1024: portal serve --port 8000"
        case .cannotListen(let why): "The preview could not start: \(why)"
        case .unsafeOutput(let why): why
        case .noContent(let folder):
            "the content folder “\(folder)” does not exist. Run the command from the project folder, or give the folder with --content."
        }
    }
}

/// `portal serve`: builds once, serves the output folder on 127.0.0.1, and rebuilds when a
/// file of the content or theme changes, so open pages reload.
public actor PreviewServer {
    public struct Configuration: Sendable {
        public var build: BuildOptions
        /// 0 lets the system choose a free port (tests).
        public var port: UInt16
        /// How often to look for changes when file events are not used.
        public var pollInterval: Duration
        /// Whether to hear of changes from the system (inotify) rather than by looking.
        public var fileEvents: Bool

        public init(build: BuildOptions, port: UInt16 = 8000, pollInterval: Duration = .milliseconds(300), fileEvents: Bool = true) {
            self.build = build
            self.port = port
            self.pollInterval = pollInterval
            self.fileEvents = fileEvents
        }
    }

    private let configuration: Configuration
    private let log: PreviewLog
    private let board = StatusBoard()
    private var server: HTTPServer?
    private var serving: Task<Void, Never>?
    private var watching: Task<Void, Never>?

    public init(_ configuration: Configuration, log: PreviewLog) {
        self.configuration = configuration
        self.log = log
    }

    /// The latest build's status, as the pages see it.
    public var status: BuildStatus {
        get async { await board.status }
    }

    /// Listens, builds once, starts watching; returns the port. A failed first build does
    /// not stop the preview: the errors are reported and the next save is built.
    public func start() async throws(PreviewError) -> UInt16 {
        let options = configuration.build
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.content, isDirectory: &isFolder), isFolder.boolValue else {
            throw .noContent(options.content)
        }
        do {
            try OutputWriter.checkSafe(output: options.output, protecting: [options.content, options.theme], force: options.force)
        } catch {
            throw .unsafeOutput("\(error)")
        }
        // Listen first: a busy port is reported before any time is spent building.
        let port = try await listen()
        let roots = [options.content, options.theme].map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        // Watching starts before building, so edits made meanwhile are seen.
        let events: FileEvents?
        do {
            events = configuration.fileEvents ? try FileEvents(roots) : nil
        } catch {
            events = nil
            log.info("Note: \(error); looking for changes every \(configuration.pollInterval.milliseconds) ms instead.")
        }
        let before = events == nil ? SourceSnapshot.take(roots) : SourceSnapshot()
        let rebuilder = Rebuilder(options: options, board: board, log: log)
        await rebuilder.rebuild(after: nil)
        let feed = ChangeFeed()
        let interval = configuration.pollInterval
        let log = log
        Thread.detachNewThread { feed.run(roots, events: events, from: before, every: interval, log: log) }
        watching = Task.detached {
            await withTaskCancellationHandler {
                await Self.rebuild(from: feed, rebuilder: rebuilder)
            } onCancel: {
                feed.stop()
            }
        }
        return port
    }

    /// Stops watching (after any build in progress) and closes the server.
    public func stop() async {
        watching?.cancel()
        await watching?.value
        watching = nil
        await board.close()  // open pages' sockets end
        await server?.stop(timeout: 0.3)  // lets responses in flight finish
        serving?.cancel()
        await serving?.value
        server = nil
        serving = nil
    }

    private func listen() async throws(PreviewError) -> UInt16 {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: "127.0.0.1", port: configuration.port)
        } catch {
            throw .cannotListen("\(error)")
        }
        let listening = ListeningPort()
        let server = HTTPServer(
            address: address, timeout: 30, logger: .disabled,
            handler: PreviewHandler(root: configuration.build.output, board: board, port: listening))
        // run() only returns when the server stops; a bind failure ends it at once.
        let failure = ListenFailure()
        serving = Task {
            do { try await server.run() } catch { await failure.record(error) }
        }
        while !(await server.isListening) {
            if let error = await failure.error { throw Self.explain(error, port: configuration.port) }
            try? await Task.sleep(for: .milliseconds(10))
        }
        self.server = server
        if case .ip4(_, let port) = await server.listeningAddress { listening.value = port }
        else { listening.value = configuration.port }
        return listening.value
    }

    private static func explain(_ error: any Error, port: UInt16) -> PreviewError {
        if case SocketError.failed(_, let code, _) = error {
            if code == EADDRINUSE { return .portInUse(port) }
            if code == EACCES { return .portNotAllowed(port) }
        }
        return .cannotListen("\(error)")
    }

    /// Rebuilds after each change the feed hands over, with every change made meanwhile.
    private static func rebuild(from feed: ChangeFeed, rebuilder: Rebuilder) async {
        for await _ in feed.signals {
            guard let changes = feed.take() else {
                await rebuilder.rebuild(after: "changes", changed: nil)
                continue
            }
            guard !changes.isEmpty else { continue }
            await rebuilder.rebuild(after: SourceSnapshot.describe(changes), changed: changes)
        }
    }
}

/// The error that ended the server before it listened, if any.
private actor ListenFailure {
    var error: (any Error)?
    func record(_ error: any Error) { self.error = error }
}
