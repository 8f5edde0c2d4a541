package org.apptrack.testsupport.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * An architecture condition for exported library packages: a public method or constructor names
 * only types a caller can use (parameters, return and exception types), so that the private
 * packages behind a facade never show.
 */
public final class ExportedSignatures {

    private ExportedSignatures() {
    }

    /** Signatures that name only types of {@code packages} (ArchUnit package patterns) or primitives. */
    public static ArchCondition<JavaCodeUnit> onlyMentionTypesIn(String... packages) {
        return new ArchCondition<>("name only types of " + String.join(", ", packages) + " in its signature") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                List<JavaClass> mentioned = new ArrayList<>(unit.getRawParameterTypes());
                mentioned.add(unit.getRawReturnType());
                mentioned.addAll(unit.getExceptionTypes());
                for (JavaClass type : mentioned) {
                    JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
                    if (!base.isPrimitive() && !resideInAnyPackage(packages).test(base)) {
                        events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " names "
                                + base.getName()));
                    }
                }
            }
        };
    }
}
