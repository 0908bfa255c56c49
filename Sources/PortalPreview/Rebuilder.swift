import Dispatch
import Foundation
import Portal

/// Where the preview's messages go: the terminal in `portal serve`, a buffer in tests.
public struct PreviewLog: Sendable {
    /// Normal progress, one line at a time (stdout).
    public var info: @Sendable (String) -> Void
    /// Build problems (stderr).
    public var problem: @Sendable (String) -> Void
    public var formatter: DiagnosticFormatter

    public init(
        info: @escaping @Sendable (String) -> Void, problem: @escaping @Sendable (String) -> Void,
        formatter: DiagnosticFormatter = DiagnosticFormatter()
    ) {
        self.info = info
        self.problem = problem
        self.formatter = formatter
    }
}

/// Runs one build, records its outcome on the status board and reports it. Builds go
/// through one `BuildSession`, so an edit to a page's text rebuilds only what it affects.
struct Rebuilder: Sendable {
    enum Outcome: Sendable {
        /// `reading`: the figures of the pages edited.
        case built(pages: Int, rendered: Int, reading: [PageReading])
        case failed(problems: [Diagnostic])
        /// Not a problem in the content (the output folder could not be written).
        case broken(String)
    }

    let options: BuildOptions
    let board: StatusBoard
    let log: PreviewLog
    let session: BuildSession

    init(options: BuildOptions, board: StatusBoard, log: PreviewLog) {
        self.options = options
        self.board = board
        self.log = log
        session = BuildSession(options: options)
    }

    /// Builds and reports; `reason` is nil for the first build. `changed` lists the files
    /// that changed (nil: unknown, build everything).
    @discardableResult
    func rebuild(after reason: String?, changed: [String]? = nil) async -> Outcome {
        let clock = ContinuousClock()
        let started = clock.now
        let outcome = await run(changed: changed)
        let milliseconds = Double((clock.now - started) / .microseconds(1)) / 1000
        let duration = milliseconds < 1000 ? String(format: "%.0f ms", milliseconds) : String(format: "%.2f s", milliseconds / 1000)
        let output = options.output.hasSuffix("/") ? options.output : options.output + "/"
        let after = reason.map { " after \(DiagnosticFormatter.visible($0))" } ?? ""
        switch outcome {
        case .built(let pages, let rendered, let reading):
            await board.succeeded(reading: reading.map(BuildStatus.Reading.init))
            if reason == nil {
                log.info("Built \(pages) pages into \(output) in \(duration).")
            } else if rendered == pages {
                log.info("Rebuilt \(pages) pages in \(duration)\(after).")
            } else {
                log.info("Rebuilt \(rendered) of \(pages) pages in \(duration)\(after).")
            }
            for page in reading { log.info(DiagnosticFormatter.visible("  Reading, \(page.path): \(page.summary).")) }
        case .failed(let problems):
            let errors = problems.filter(\.isError)
            let (shown, more) = errors.limitedForReport()
            await board.failed(shown.map(BuildStatus.Problem.init) + more.map {
                BuildStatus.Problem(location: $0.path, message: "and \($0.count) more in this file, not shown", hint: "Fix the ones above and save.")
            })
            log.problem(log.formatter.report(problems))
            let these = errors.count == 1 ? "this error" : "these \(errors.count) errors"
            log.problem(
                reason == nil
                    ? "Site not built: fix \(these) and save; the preview updates by itself."
                    : "Site not updated\(after): fix \(these) and save. The preview keeps showing the last version that built.")
        case .broken(let why):
            await board.failed([BuildStatus.Problem(location: options.output, message: why)])
            log.problem("error: \(why)")
        }
        return outcome
    }

    /// Build.run is synchronous and uses every core: run it on a Dispatch thread, not on
    /// the cooperative pool the server's tasks need.
    private func run(changed: [String]?) async -> Outcome {
        let session = session
        let board = board
        // The pages open in a browser are written first, and reload as soon as they are.
        let first = OpenPagesFirst(urls: await board.openPages) {
            let shown = DispatchSemaphore(value: 0)
            Task {
                await board.openPagesWritten()
                shown.signal()
            }
            shown.wait()  // before the build goes on, so its end is told after
        }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                do {
                    let outcome = try session.rebuild(changed: changed, first: first)
                    let result = outcome.result
                    if !result.warnings.isEmpty { log.problem(log.formatter.report(result.warnings)) }
                    continuation.resume(returning: .built(pages: result.pageCount, rendered: outcome.rendered, reading: outcome.reading))
                } catch let failure as BuildFailed {
                    continuation.resume(returning: .failed(problems: failure.diagnostics))
                } catch {
                    continuation.resume(returning: .broken("\(error)"))
                }
            }
        }
    }
}
