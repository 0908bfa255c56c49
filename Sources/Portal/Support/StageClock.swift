import Foundation

/// With PORTAL_TIMINGS=1, prints how long each stage took to standard error: the first
/// place to look when a build is slow. Silent otherwise.
final class StageClock {
    private let enabled = ProcessInfo.processInfo.environment["PORTAL_TIMINGS"] == "1"
    private var last = Date()

    func mark(_ stage: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(Data(String(format: "%8.1f ms  %@\n", now.timeIntervalSince(last) * 1000, stage).utf8))
        last = now
    }
}
