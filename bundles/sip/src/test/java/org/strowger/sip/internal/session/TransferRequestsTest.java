package org.strowger.sip.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.TransferResult;
import org.strowger.transfer.TransferService;

class TransferRequestsTest {

    /** Records what it was asked and answers with a fixed result. */
    static final class FakeTransferService implements TransferService {
        final List<String> calls = new ArrayList<>();
        TransferResult answer = TransferResult.COMPLETED;
        RuntimeException failure;

        private TransferOutcome answer(String call) {
            calls.add(call);
            if (failure != null) {
                throw failure;
            }
            return new TransferOutcome(answer, "fake");
        }

        @Override
        public TransferOutcome blindTransfer(Channel transferer, String extension, String context) {
            return answer("blind " + transferer.name() + " " + extension + " " + context);
        }

        @Override
        public TransferOutcome attendedTransfer(Channel toTransferee, Channel toTarget) {
            return answer("attended " + toTransferee.name() + " " + toTarget.name());
        }

        @Override
        public TransferOutcome replace(Channel replaced, Channel replacement) {
            return answer("replace " + replaced.name() + " " + replacement.name());
        }

        @Override
        public TransferOutcome park(Channel parkee, Channel parker) {
            return answer("park");
        }

        @Override
        public TransferOutcome pickup(Channel picker, String extension, String context) {
            return answer("pickup");
        }
    }

    /** A channel that knows only its name and variables. */
    static Channel channel(String name, Map<String, String> variables) {
        return (Channel) Proxy.newProxyInstance(Channel.class.getClassLoader(), new Class<?>[] {Channel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "name", "toString" -> name;
                    case "variable" -> Optional.ofNullable(variables.get((String) args[0]));
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private final FakeTransferService fake = new FakeTransferService();
    private final TransferRequests requests = new TransferRequests(() -> Optional.of(fake));
    private final Channel alice = channel("SIP/alice-00000001", Map.of());
    private final Channel aliceToCarol = channel("SIP/alice-00000003", Map.of());

    @Test
    void blindReferAsksTheServiceWithTheEndpointContext() {
        TransferOutcome outcome = requests.blind(Optional.of(alice), "103", "phones");

        assertThat(fake.calls).containsExactly("blind SIP/alice-00000001 103 phones");
        assertThat(outcome.result()).isEqualTo(TransferResult.COMPLETED);
    }

    @Test
    void blindReferLeavesTheContextToTheServiceWhenTheTransfererHasATransferContext() {
        Channel withContext = channel("SIP/alice-00000001", Map.of("TRANSFER_CONTEXT", "transfers"));

        requests.blind(Optional.of(withContext), "103", "phones");

        assertThat(fake.calls).containsExactly("blind SIP/alice-00000001 103 null");
    }

    @Test
    void attendedReferAsksTheServiceWithTheTransferersTwoChannels() {
        fake.answer = TransferResult.BUSY;

        TransferOutcome outcome = requests.attended(Optional.of(alice), Optional.of(aliceToCarol));

        assertThat(fake.calls).containsExactly("attended SIP/alice-00000001 SIP/alice-00000003");
        assertThat(TransferRequests.sipfrag(outcome.result())).isEqualTo("SIP/2.0 486 Busy Here");
    }

    @Test
    void aDialogWithoutAChannelIs481WithoutAskingTheService() {
        assertThat(requests.blind(Optional.empty(), "103", "phones").result()).isEqualTo(TransferResult.NO_SUCH_CALL);
        assertThat(requests.attended(Optional.of(alice), Optional.empty()).result())
                .isEqualTo(TransferResult.NO_SUCH_CALL);
        assertThat(fake.calls).isEmpty();
    }

    @Test
    void withoutATransferServiceEveryReferIs503() {
        TransferRequests none = new TransferRequests(Optional::empty);

        assertThat(TransferRequests.sipfrag(none.blind(Optional.of(alice), "103", "phones").result()))
                .isEqualTo("SIP/2.0 503 Service Unavailable");
        assertThat(none.attended(Optional.of(alice), Optional.of(aliceToCarol)).result())
                .isEqualTo(TransferResult.UNAVAILABLE);
    }

    @Test
    void aFailingServiceIs503NotAnException() {
        fake.failure = new IllegalStateException("boom");

        assertThat(requests.blind(Optional.of(alice), "103", "phones").result()).isEqualTo(TransferResult.UNAVAILABLE);
    }

    @Test
    void everyResultHasTheSipfragOfItsStatus() {
        assertThat(TransferRequests.sipfrag(TransferResult.COMPLETED)).isEqualTo("SIP/2.0 200 OK");
        assertThat(TransferRequests.sipfrag(TransferResult.NO_SUCH_EXTENSION)).isEqualTo("SIP/2.0 404 Not Found");
        assertThat(TransferRequests.sipfrag(TransferResult.NO_SUCH_CALL))
                .isEqualTo("SIP/2.0 481 Call/Transaction Does Not Exist");
        assertThat(TransferRequests.sipfrag(TransferResult.BUSY)).isEqualTo("SIP/2.0 486 Busy Here");
        assertThat(TransferRequests.sipfrag(TransferResult.UNAVAILABLE)).isEqualTo("SIP/2.0 503 Service Unavailable");
    }
}
