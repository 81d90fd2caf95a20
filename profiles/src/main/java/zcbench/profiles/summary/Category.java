package zcbench.profiles.summary;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a CPU sample's time went: the one place the categories of profile-summary.csv are
 * defined. Patterns are regular expressions that must match a kernel frame's whole symbol
 * (after {@link CollapsedProfile#symbol}). CATEGORIES.md documents them; a test keeps the two in
 * step.
 *
 * <p>Precedence: {@link Categoriser} walks a stack from the leaf towards the root and gives the
 * sample to the first kernel frame that matches any pattern; when one frame matches several
 * categories, the one declared first here wins. {@link #USER} and {@link #KERNEL_OTHER} have no
 * patterns: they take the stacks with no kernel frame, and those whose kernel frames match nothing.
 */
public enum Category {
    USER("user", "No kernel frame in the stack: Java, the JVM, libc."),

    COPY("copy", "The kernel copying payload bytes: from user memory into skbs (the copy path, and "
            + "zero-copy sends the kernel copies after all), zero-copy skbs copied at loopback delivery, "
            + "and a loopback receiver's copy out to user memory.",
            "_*copy_from_(iter|user).*", "memcpy_from_iter.*", "csum_and_copy_from_iter.*", "copy_page_from_iter.*",
            "ip_generic_getfrag", "skb_copy_ubufs", "skb_copy_to_page_nocache",
            "_copy_to_iter", "simple_copy_to_iter", "skb_copy_datagram_iter"),

    PAGE_PINNING("page_pinning", "Pinning (and releasing) the user pages a zero-copy skb points at.",
            "_*gup_.*", ".*get_user_pages.*", "_*pin_user_pages.*", "unpin_user_page.*", "try_grab_folio.*",
            "_*iov_iter_get_pages.*", "_*iov_iter_extract_pages.*", "_*zerocopy_sg_from_iter", "zerocopy_fill_skb_from_iter",
            "skb_zerocopy_iter_(dgram|stream)"),

    SKB_ALLOC_FREE("skb_alloc_free", "Allocating and freeing skbs and their data, the zero-copy ubuf_info "
            + "(sock_omalloc), and the socket memory accounting done on free.",
            ".*alloc_skb.*", "sock_alloc_send_p?skb", "kmalloc_reserve", ".*kfree_skb.*", "consume_skb",
            "napi_consume_skb", "skb_release_.*", "skb_free_head", "skb_defer_free_flush", "skb_attempt_defer_free",
            "sk_skb_reason_drop", "sock_wfree", "sock_omalloc", "msg_zerocopy_(alloc|realloc|put_abort)"),

    IO_URING("io_uring", "io_uring itself: entering, submission, request issue, CQEs and notification "
            + "CQEs, task work, fixed-buffer frags (io_sg_from_iter).",
            ".*io_uring.*", "_*io_(?!schedule).*", "tctx_task_work.*"),

    POLL_ERRQUEUE("poll_errqueue", "Waiting for and reading completions: poll/epoll, recvmsg on the error "
            + "queue (zcbench makes no other recvmsg call; a receiver's recvfrom/read is not matched), queuing zero-copy "
            + "notifications there.",
            ".*sys_p?poll.*", "do_poll.*", "ep_poll.*", "do_epoll_.*", ".*sys_epoll_.*", "sock_poll", "udp_poll",
            "datagram_poll", ".*sys_recvmsg.*", "ip(v6)?_recv_error",
            "sock_recv_errqueue", "sock_dequeue_err_skb", "sock_queue_err_skb", ".*msg_zerocopy_callback",
            "msg_zerocopy_complete"),

    SEND_PATH("send_path", "The rest of the kernel's send path: send syscalls, socket, UDP, IP, routing, "
            + "device transmit and, on loopback, delivery to (and reading by) the receiving socket.",
            ".*sys_send(to|msg|mmsg)", "_*sock_sendmsg.*", "inet6?_sendmsg", "_*udp.*", "_*ip6?_.*", "ipv[46]_.*",
            "fib6?_.*", ".*xmit.*", ".*netif_.*", "net_rx_action", "process_backlog", "enqueue_to_backlog",
            "neigh_.*", "dst_.*", "eth_type_trans", "sock_def_readable"),

    SYSCALL("syscall", "System call entry and exit (including the mitigations on the way back to user space).",
            "entry_SYSCALL.*", "do_syscall_64", "x64_sys_call", "syscall_.*", ".*exit_to_user_mode.*"),

    KERNEL_OTHER("kernel_other", "Kernel frames none of the above match: scheduling, interrupts, timers, "
            + "page faults, other syscalls (futex ...).");

    private final String column;
    private final String description;
    private final List<String> patterns;
    private final Pattern pattern;

    Category(String column, String description, String... patterns) {
        this.column = column;
        this.description = description;
        this.patterns = List.of(patterns);
        this.pattern = patterns.length == 0 ? null : Pattern.compile(String.join("|", this.patterns.stream()
                .map(p -> "(?:" + p + ")").toList()));
    }

    /** The category's name in profile-summary.csv (as {@code <column>_pct}) and CATEGORIES.md. */
    public String column() {
        return column;
    }

    public String description() {
        return description;
    }

    public List<String> patterns() {
        return patterns;
    }

    /** Whether a kernel frame's symbol matches one of this category's patterns. */
    boolean matches(String symbol) {
        return pattern != null && pattern.matcher(symbol).matches();
    }
}
