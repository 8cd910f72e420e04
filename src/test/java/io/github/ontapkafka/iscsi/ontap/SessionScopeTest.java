package io.github.ontapkafka.iscsi.ontap;

import io.github.ontapkafka.iscsi.ontap.SessionScope.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SessionScopeTest {

    @Test
    void noFilterIsAllSessions() {
        for (String nothing : new String[]{null, "", "  \t "}) {
            assertThat(SessionScope.parse(nothing)).isSameAs(SessionScope.ALL);
        }
        assertThat(SessionScope.ALL.isAll()).isTrue();
        assertThat(SessionScope.ALL.terms()).isEmpty();
        assertThat(SessionScope.ALL.canonical()).isEmpty();
        assertThat(SessionScope.ALL).hasToString("all sessions");
    }

    @Test
    void readsTermsInOntapsSyntaxAndKeepsTheValuesRaw() {
        SessionScope scope = SessionScope.parse(
                "svm.name=prod_*&initiator.name=iqn.1998-01.com.vmware:*|iqn.1991-05.com.microsoft:*");

        assertThat(scope.isAll()).isFalse();
        assertThat(scope.terms()).containsExactly(
                new Term("initiator.name", "iqn.1998-01.com.vmware:*|iqn.1991-05.com.microsoft:*"),
                new Term("svm.name", "prod_*"));
        assertThat(scope.canonical())
                .isEqualTo("initiator.name=iqn.1998-01.com.vmware:*|iqn.1991-05.com.microsoft:*&svm.name=prod_*");
        assertThat(scope).hasToString(scope.canonical());
    }

    @Test
    void theSameFilterInAnotherOrderOrSpacingHasTheSameCanonicalForm() {
        SessionScope one = SessionScope.parse("svm.name=prod_*&tsih=>10&igroups.name=esx");
        SessionScope other = SessionScope.parse(" igroups.name = esx & tsih=>10 &svm.name=prod_* ");

        assertThat(other.canonical()).isEqualTo(one.canonical()).isEqualTo("igroups.name=esx&svm.name=prod_*&tsih=>10");
        assertThat(SessionScope.parse(one.canonical()).canonical()).as("canonical form read back")
                .isEqualTo(one.canonical());
    }

    @Test
    void aValueMayContainAnEqualsSign() {
        assertThat(SessionScope.parse("initiator.comment=owner=db team").terms())
                .containsExactly(new Term("initiator.comment", "owner=db team"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tsih=12", "tsih=!12", "tsih=<12", "tsih=>12", "tsih=<=12", "tsih=>=12", "tsih=10..20",
            "tsih=*", "tsih=!*", "tsih=!10..20", "tsih=1|5|>=100", "connections.cid=1|2",
            "target_portal_group_tag=1027", "connections.initiator_address.port=>=1024",
            "connections.interface.ip.port=3260"})
    void numericFieldsTakeNumbersComparisonsRangesAndWildcards(String filter) {
        assertThat(SessionScope.parse(filter).canonical()).isEqualTo(filter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"svm.name=prod", "svm.name=!test_*", "svm.uuid=a009a9e7-*", "target_portal_group=lif*",
            "isid=40:00:01:37:*", "initiator.alias=>m", "initiator.comment=a..m", "igroups.uuid=*",
            "connections.authentication_type=chap|none", "connections.initiator_address.address=192.0.2.*",
            "connections.interface.name=iscsi_lif1", "connections.interface.uuid=c15439b4*",
            "connections.interface.ip.address=198.51.100.1|2001:db8::1"})
    void textFieldsTakeAnyNonEmptyAlternatives(String filter) {
        assertThat(SessionScope.parse(filter).canonical()).isEqualTo(filter);
    }

    @Test
    void aFieldNotOfTheSessionRecordIsRefusedWithTheFieldsThatAre() {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionScope.parse("svm=prod"))
                .withMessageStartingWith("'svm' is not a field of an iSCSI session")
                .withMessageContaining("svm.name").withMessageContaining("connections.interface.ip.address")
                .withMessageContaining("tsih");
        assertThatIllegalArgumentException().isThrownBy(() -> SessionScope.parse("=prod"))
                .withMessageStartingWith("'' is not a field of an iSCSI session");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fields", "max_records", "return_records", "return_timeout", "order_by"})
    void theParametersTheConnectorSetsItselfAreRefused(String parameter) {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionScope.parse("svm.name=a&" + parameter + "=1"))
                .withMessage("'" + parameter + "' cannot be filtered on: the connector sets the query parameters "
                        + "fields, max_records, order_by, return_records, return_timeout itself");
    }

    @Test
    void aFieldGivenTwiceIsRefusedWithTheWayToCombineAlternatives() {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionScope.parse("svm.name=a&tsih=1&svm.name=b"))
                .withMessage("the field svm.name is given twice; combine alternatives in one term with '|', "
                        + "as in svm.name=a|b");
    }

    @Test
    void aTermWithoutEqualsSignOrExpressionIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionScope.parse("svm.name=a&prod"))
                .withMessage("'prod' has no '=': each term is field=expression");
        assertThatIllegalArgumentException().isThrownBy(() -> SessionScope.parse("svm.name= "))
                .withMessageStartingWith("the expression for svm.name is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"svm.name=a&&tsih=1", "svm.name=a&", "&svm.name=a", "svm.name=a& &tsih=1"})
    void anEmptyTermIsRefused(String filter) {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionScope.parse(filter))
                .withMessageStartingWith("empty term");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a||b", "a|", "|a", "|"})
    void aTextAlternativeMayNotBeEmpty(String expression) {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionScope.parse("initiator.name=" + expression))
                .withMessage("initiator.name=" + expression + " has an empty alternative: '|' separates "
                        + "alternatives, and each must have a value or pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1|x", "1|", "1||2", "12*", "-1", "1.5", "!", "<", "1..", "..2", "=>3", "!!1"})
    void aNumericFieldRefusesWhatIsNotANumericExpression(String expression) {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionScope.parse("connections.cid=" + expression))
                .withMessageStartingWith("connections.cid is a number, and '")
                .withMessageContaining("connections.cid=" + expression)
                .withMessageEndingWith("must be n, <n, >n, <=n, >=n, n..m or *, each maybe negated with a leading !");
    }

    @Test
    void theMessageNamesTheAlternativeAtFault() {
        assertThatIllegalArgumentException().isThrownBy(() -> SessionScope.parse("tsih=1|x2|3"))
                .withMessageStartingWith("tsih is a number, and 'x2' in tsih=1|x2|3 is not a numeric expression");
    }
}
