package org.partnershipexplorer.startup;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Gives back to the operating system the native memory that the start used and freed but that the C library kept.
 *
 * <p>A start compiles thousands of methods (each compilation takes and frees megabytes of the C heap), and a start
 * that loads the seed also sends batches of thousands of rows through Bolt; glibc keeps most of what was freed for
 * later allocations, so the process stayed about 140 MB larger after loading the seed than after a start on a kept
 * store. The JVM's own command {@code System.trim_native_heap} (the one {@code jcmd} sends; Java 17.0.9 and later,
 * glibc only) asks glibc to release it: once, when the start has finished.
 */
final class NativeHeap {

    private NativeHeap() {
    }

    /**
     * Trims the C heap, through the JVM's diagnostic command MBean.
     *
     * @return what the JVM reported (the resident size before and after), or empty where the command does not exist
     *         (an older JVM) or cannot trim (not glibc)
     */
    static Optional<String> trim() {
        try {
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "systemTrimNativeHeap",
                    new Object[] {null}, new String[] {String[].class.getName()});
            String text = String.valueOf(answer).trim();
            return text.contains("not supported") || text.isEmpty() ? Optional.empty() : Optional.of(text);
        } catch (JMException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
