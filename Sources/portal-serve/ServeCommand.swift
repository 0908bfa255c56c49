import ArgumentParser
import Dispatch
import Foundation
import Portal
import PortalCommandLine
import PortalPreview

/// `portal serve`, a program of its own (`portal` runs it): see ServeCommand in Sources/portal.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portal serve",
        abstract: "Preview the website in your browser while you edit it.",
        discussion: """
            Builds the website, then shows it at an address on this computer only \
            (http://127.0.0.1:8000/). Each time you save a page, the website is built again and \
            the page open in your browser reloads by itself. If a page has a mistake, the \
            browser lists it at the top and keeps showing the last version that worked. \
            Press Ctrl+C to stop.
            """,
        version: PortalVersion.current)

    @OptionGroup var site: SiteOptions

    @Option(help: ArgumentHelp("The port of the preview's address: http://127.0.0.1:PORT/.", valueName: "number"))
    var port = 8000

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError("--port must be a number from 1 to 65535, like 8000 (got \(port)).")
        }
    }

    func run() async throws {
        let options = site.buildOptions
        let log = PreviewLog(
            info: Output.line, problem: Terminal.error,
            formatter: DiagnosticFormatter(colour: Terminal.supportsColour))
        let preview = PreviewServer(.init(build: options, port: UInt16(port)), log: log)
        let stop = StopSignal()  // before building, so Ctrl+C during the first build is clean too
        let listening: UInt16
        do {
            listening = try await preview.start()
        } catch {
            Terminal.error("error: \(error.description)")
            throw ExitCode.failure
        }
        let folder = site.content.hasSuffix("/") ? site.content : site.content + "/"
        if options.searchIndex == nil, !site.noSearchIndex { Terminal.error(SiteOptions.noPagefind) }
        if options.printer == nil, !site.noPDF { Terminal.error(SiteOptions.noWeasyPrint) }
        if !stop.requested {
            Output.line("Previewing at http://127.0.0.1:\(listening)/ — edit files in \(folder) and the page reloads. Press Ctrl+C to stop.")
        }
        await stop.wait()
        Output.line("Stopping the preview…")
        await preview.stop()
        Output.line("Stopped. The website is in \(site.output.hasSuffix("/") ? site.output : site.output + "/").")
    }
}

private enum Output {
    /// Written at once, even into a pipe or a log file (print would hold it in a buffer).
    @Sendable static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

/// Ctrl+C (SIGINT) or SIGTERM, caught so the preview stops cleanly. After the first one the
/// default action is back: a second Ctrl+C ends the program at once.
private final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var received = false
    private var waiter: CheckedContinuation<Void, Never>?

    init() {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)  // so the dispatch source, not the default action, gets it
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether Ctrl+C has been pressed already (during the first build, say).
    var requested: Bool { lock.withLock { received } }

    func wait() async {
        await withCheckedContinuation { continuation in
            lock.lock()
            if received {
                lock.unlock()
                continuation.resume()
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }

    private func fire() {
        lock.lock()
        let first = !received
        received = true
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        guard first else { return }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
        waiter?.resume()
    }
}
