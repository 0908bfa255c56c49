import Foundation

/// With PORTAL_TIMINGS=1, prints how long each stage took to standard error, in wall time
/// and in processor time over all cores (twice the wall time means both cores were busy):
/// the first place to look when a build is slow. Silent otherwise.
final class StageClock {
    private let enabled = ProcessInfo.processInfo.environment["PORTAL_TIMINGS"] == "1"
    private var last = (wall: StageClock.now(CLOCK_MONOTONIC), processor: StageClock.now(CLOCK_PROCESS_CPUTIME_ID))

    func mark(_ stage: String) {
        guard enabled else { return }
        let now = (wall: Self.now(CLOCK_MONOTONIC), processor: Self.now(CLOCK_PROCESS_CPUTIME_ID))
        FileHandle.standardError.write(Data(String(
            format: "%8.1f ms  %8.1f ms on all cores  %@\n", (now.wall - last.wall) * 1000, (now.processor - last.processor) * 1000,
            stage).utf8))
        last = now
    }

    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
