import Foundation
import Portal

/// Changes found on a thread of their own (file events block it; looking every 300 ms
/// sleeps), handed to the rebuilds: changes that come during a build are gathered, and
/// the next build takes them all at once.
final class ChangeFeed: @unchecked Sendable {
    private let lock = NSLock()
    /// Paths changed since the last `take`; nil when anything may have changed.
    private var pending: [String]? = []
    private var stopped = false
    /// A signal after each change; one is kept while the rebuild is busy, the rest merge.
    let signals: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (signals, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    func add(_ changes: [String]?) {
        lock.withLock {
            if let changes, pending != nil { pending! += changes } else { pending = nil }
        }
        continuation.yield()
    }

    /// Everything changed since the last call, sorted, each path once.
    func take() -> [String]? {
        lock.withLock {
            defer { pending = [] }
            return pending.map { Array(Set($0)).sorted() }
        }
    }

    func stop() {
        lock.withLock { stopped = true }
        continuation.finish()
    }

    var isStopped: Bool { lock.withLock { stopped } }

    /// Finds changes below `roots` until stopped: by file events when the system has them,
    /// else (or once they fail) by comparing snapshots every `interval`, as before.
    func run(_ roots: [String], events: FileEvents?, from snapshot: SourceSnapshot, every interval: Duration, log: PreviewLog) {
        var events = events
        var previous = snapshot
        while !isStopped {
            if let watching = events {
                do {
                    let changes = try watching.next(timeout: .milliseconds(250))
                    if changes?.isEmpty != true { add(changes) }
                } catch {
                    log.info("Note: \(error); looking for changes every \(interval.milliseconds) ms instead.")
                    events = nil
                    previous = SourceSnapshot.take(roots)
                    add(nil)
                }
                continue
            }
            Thread.sleep(forTimeInterval: Double(interval.milliseconds) / 1000)
            guard !isStopped, SourceSnapshot.take(roots) != previous else { continue }
            // Editors may write a file in several steps, or several files: let them finish.
            Thread.sleep(forTimeInterval: 0.1)
            let current = SourceSnapshot.take(roots)
            let changes = current.changes(since: previous)
            previous = current
            if !changes.isEmpty { add(changes) }
        }
    }
}

extension Duration {
    var milliseconds: Int64 { self / .milliseconds(1) > 0 ? Int64(self / .milliseconds(1)) : 0 }
}
