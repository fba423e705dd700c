package cnnplayground.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.OptionalInt;

/**
 * Lowers the operating-system priority of the calling thread, so that training takes the CPU the
 * window does not need instead of competing with it. On a two-core machine the FX thread otherwise
 * waits behind PyTorch's threads and the window stalls.
 *
 * <p>{@link Thread#setPriority} does nothing for this on Linux (the JVM ignores Java priorities
 * there by default), so this sets the thread's nice value with {@code setpriority(2)}. Threads that
 * PyTorch starts from the lowered thread (its OpenMP workers) inherit the value. Where that is not
 * possible (another system, no libc) nothing changes and training runs as before.
 */
final class BackgroundPriority {

    /** The nice value training runs at: the window's threads (0) get about nine times its CPU share when both want it. */
    public static final int TRAINING_NICE = 10;
    private static final int PRIO_PROCESS = 0;

    private BackgroundPriority() {
    }

    /**
     * Gives the calling thread nice value {@code nice}, or leaves it where it is already at least that low
     * (a whole program started with {@code nice -n 19} stays at 19: raising a priority needs privileges).
     * Returns the thread's nice value afterwards, or empty where threads keep theirs.
     */
    public static OptionalInt lowerCurrentThread(int nice) {
        if (!Platform.isLinux()) {
            return OptionalInt.empty();
        }
        try {
            LinuxThreads libc = Native.load("c", LinuxThreads.class);
            int tid = libc.gettid();
            int now = libc.getpriority(PRIO_PROCESS, tid);
            // On Linux a thread id given to setpriority names that thread only, not the whole process.
            if (now < nice && libc.setpriority(PRIO_PROCESS, tid, nice) != 0) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(Math.max(now, nice));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The calling thread's nice value, where it can be read. */
    public static OptionalInt currentNice() {
        if (!Platform.isLinux()) {
            return OptionalInt.empty();
        }
        try {
            LinuxThreads libc = Native.load("c", LinuxThreads.class);
            return OptionalInt.of(libc.getpriority(PRIO_PROCESS, libc.gettid()));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** The two libc calls used, bound by JNA (which DJL already brings). */
    interface LinuxThreads extends Library {
        int gettid();

        int setpriority(int which, int who, int prio);

        int getpriority(int which, int who);
    }
}
