package zcbench.profiles.summary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoriserTest {

    /** sendto's way into the kernel, as async-profiler records it. */
    private static final String SENDTO = "Bench.send;sendto;entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k];"
            + "__x64_sys_sendto_[k];__sys_sendto_[k];udp_sendmsg_[k];";
    private static final String APPEND = SENDTO + "ip_make_skb_[k];__ip_append_data_[k];";
    private static final String URING = "Bench.send;syscall;entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k];"
            + "__do_sys_io_uring_enter_[k];io_submit_sqes_[k];io_issue_sqe_[k];io_send_zc_[k];__sock_sendmsg_[k];"
            + "udp_sendmsg_[k];ip_make_skb_[k];__ip_append_data_[k];";
    private static final String ERRQUEUE = "Bench.reap;recvmsg;entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k];"
            + "__x64_sys_recvmsg_[k];__sys_recvmsg_[k];___sys_recvmsg_[k];____sys_recvmsg_[k];inet_recvmsg_[k];"
            + "udp_recvmsg_[k];";

    /** Hand-written stacks: what the leaf-most rule and the declaration-order tie-break decide. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            // msg_zerocopy pins the pages: the pinning leaf beats every send-path caller
            APPEND + "__zerocopy_sg_from_iter_[k];zerocopy_fill_skb_from_iter_[k];iov_iter_get_pages2_[k];gup_fast_fallback_[k]|PAGE_PINNING",
            // an unmatched leaf goes to its nearest matching caller
            APPEND + "ip_generic_getfrag_[k];_copy_from_iter_[k];rep_movs_alternative_[k]|COPY",
            // ip_generic_getfrag matches copy and send_path: copy is declared first
            APPEND + "ip_generic_getfrag_[k]|COPY",
            APPEND + "msg_zerocopy_realloc_[k];msg_zerocopy_alloc_[k];sock_omalloc_[k];__kmalloc_noprof_[k]|SKB_ALLOC_FREE",
            SENDTO + "udp_send_skb_[k];ip_send_skb_[k];ip_output_[k];ip_finish_output2_[k];__dev_queue_xmit_[k];_raw_spin_lock_[k]|SEND_PATH",
            // loopback delivery copies a zero-copy skb: copy, though deep under the send path
            SENDTO + "udp_send_skb_[k];ip_finish_output2_[k];__dev_queue_xmit_[k];net_rx_action_[k];ip_local_deliver_finish_[k];skb_copy_ubufs_[k];__pi_memcpy_[k]|COPY",
            // fixed buffers: io_uring fills the frags itself, below the zero-copy helpers, no pinning
            URING + "skb_zerocopy_iter_dgram_[k];__zerocopy_sg_from_iter_[k];io_sg_from_iter_[k]|IO_URING",
            // normal buffers through io_uring still pin pages
            URING + "__zerocopy_sg_from_iter_[k];io_sg_from_iter_iovec_[k];zerocopy_fill_skb_from_iter_[k];iov_iter_get_pages2_[k];gup_fast_fallback_[k];try_grab_folio_fast_[k]|PAGE_PINNING",
            // the send path under io_uring is still the send path
            URING + "ip_route_output_flow_[k]|SEND_PATH",
            "Bench.send;syscall;entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k];__do_sys_io_uring_enter_[k];io_submit_sqes_[k];_raw_spin_lock_[k]|IO_URING",
            "Bench.send;syscall;entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k];__do_sys_io_uring_enter_[k];io_cqring_wait_[k];io_schedule_[k]|IO_URING",
            // the error queue: put_cmsg's copy of the notification is not payload copying
            ERRQUEUE + "ip_recv_error_[k];put_cmsg_[k];_copy_to_user_[k]|POLL_ERRQUEUE",
            SENDTO + "udp_send_skb_[k];ip_finish_output2_[k];__dev_queue_xmit_[k];net_rx_action_[k];ip_local_deliver_finish_[k];skb_copy_ubufs_[k];__msg_zerocopy_callback_[k]|POLL_ERRQUEUE",
            "Bench.reap;poll;entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k];__x64_sys_poll_[k];do_sys_poll_[k];udp_poll_[k]|POLL_ERRQUEUE",
            // GCC clone suffixes are ignored
            SENDTO + "udp_send_skb_[k];validate_xmit_skb.isra.0_[k]|SEND_PATH",
            "Bench.send;sendto;entry_SYSCALL_64_after_hwframe_[k];do_syscall_64_[k];syscall_exit_to_user_mode_[k]|SYSCALL",
            "Bench.send;asm_sysvec_apic_timer_interrupt_[k];__sysvec_apic_timer_interrupt_[k];do_softirq.part.0_[k]|KERNEL_OTHER",
            "Bench.send;sun/nio/ch/DatagramChannelImpl.send0;sendto|USER",
            // a user-space frame that happens to share a kernel name is still user space
            "Bench.send;udp_sendmsg|USER",
    })
    void classifiesHandWrittenStacks(String stack, Category expected) {
        assertEquals(expected, Categoriser.classify(Arrays.asList(stack.split(";"))));
    }

    @Test
    void recordedCopyProfile() {
        CollapsedProfile profile = recorded("udp-copy-loopback.collapsed");
        assertTrue(profile.hasKernelFrames());
        assertEquals(Category.COPY, leafStack(profile, "ip_generic_getfrag_[k];_copy_from_iter_[k]"));
        assertEquals(Category.SEND_PATH, leafStack(profile, "udp_sendmsg_[k]"));
        assertEquals(Category.USER, leafStack(profile, "sun/nio/ch/DatagramChannelImpl.send0"));

        ProfileSummary s = ProfileSummary.of("copy", Map.of(), profile);
        assertEquals(0, s.pct(Category.PAGE_PINNING));
        assertEquals(0, s.pct(Category.IO_URING));
        assertTrue(s.pct(Category.COPY) > 5, "copy share " + s.pct(Category.COPY));
        assertTrue(s.pct(Category.SEND_PATH) > s.pct(Category.COPY), "most of a copy send is the rest of the send path");
        assertTrue(s.pct(Category.USER) > 0);
        assertEquals(100, Arrays.stream(Category.values()).mapToDouble(s::pct).sum(), 1e-9);
    }

    @Test
    void recordedMsgZerocopyProfile() {
        CollapsedProfile profile = recorded("udp-msg_zerocopy-loopback.collapsed");
        assertEquals(Category.PAGE_PINNING, leafStack(profile, "iov_iter_get_pages2_[k];__iov_iter_get_pages_alloc_[k];gup_fast_fallback_[k]"));
        assertEquals(Category.COPY, leafStack(profile, "skb_copy_ubufs_[k];__pi_memcpy_[k]"));

        ProfileSummary zc = ProfileSummary.of("msg_zerocopy", Map.of(), profile);
        ProfileSummary copy = ProfileSummary.of("copy", Map.of(), recorded("udp-copy-loopback.collapsed"));
        assertTrue(zc.pct(Category.PAGE_PINNING) > 1, "pinning share " + zc.pct(Category.PAGE_PINNING));
        assertTrue(zc.pct(Category.PAGE_PINNING) > copy.pct(Category.PAGE_PINNING));
        // on loopback the kernel copies every zero-copy skb at delivery
        assertTrue(zc.pct(Category.COPY) > 5, "copy share " + zc.pct(Category.COPY));
    }

    @Test
    void profileWithoutKernelFramesIsAllUser() {
        CollapsedProfile profile = CollapsedProfile.parse("A.main;A.send;sendto 90\nA.main;A.loop 10\n");
        ProfileSummary s = ProfileSummary.of("r", Map.of(), profile);
        assertFalse(s.kernelFrames());
        assertEquals(100, s.pct(Category.USER));
        assertEquals(100, s.samples());
    }

    @Test
    void symbolDropsTypeAndCloneSuffixes() {
        assertEquals("validate_xmit_skb", CollapsedProfile.symbol("validate_xmit_skb.isra.0_[k]"));
        assertEquals("do_softirq", CollapsedProfile.symbol("do_softirq.part.0_[k]"));
        assertEquals("java/lang/Thread.run", CollapsedProfile.symbol("java/lang/Thread.run_[j]"));
        assertEquals("udp_sendmsg", CollapsedProfile.symbol("udp_sendmsg"));
    }

    /** The category of the heaviest recorded stack that ends in {@code leafFrames}. */
    private static Category leafStack(CollapsedProfile profile, String leafFrames) {
        List<String> leaf = Arrays.asList(leafFrames.split(";"));
        CollapsedProfile.Sample sample = profile.samples().stream()
                .filter(s -> s.frames().size() >= leaf.size()
                        && s.frames().subList(s.frames().size() - leaf.size(), s.frames().size()).equals(leaf))
                .max((a, b) -> Long.compare(a.count(), b.count()))
                .orElseThrow(() -> new AssertionError("no recorded stack ends in " + leafFrames));
        return Categoriser.classify(sample.frames());
    }

    static CollapsedProfile recorded(String name) {
        try (InputStream in = CategoriserTest.class.getResourceAsStream(name)) {
            return CollapsedProfile.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
