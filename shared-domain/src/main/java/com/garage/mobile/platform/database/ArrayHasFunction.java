package com.garage.mobile.platform.database;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.function.array.ArrayContainsArgumentTypeResolver;
import org.hibernate.dialect.function.array.ArrayContainsArgumentValidator;
import org.hibernate.type.StandardBasicTypes;

/**
 * The HQL function {@code array_has(:values, path)}: PostgreSQL's {@code path = any(?)}, the values bound as
 * one array. HQL's {@code path in :values} binds each value as a parameter of its own, and Hibernate keeps
 * no plan for a query bound that way: it translates the query to SQL again on every run (docs/performance.md,
 * sixteenth step). One array is one parameter whatever its length, so the translation is kept and
 * PostgreSQL sees one statement for every length. Hibernate's own {@code array_contains} takes the same
 * arguments but renders {@code ? @> array[path]}, which no index on the path serves.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ArrayHasFunction implements FunctionContributor {

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        contributions.getFunctionRegistry().patternDescriptorBuilder("array_has", "(?2 = any(?1))")
                .setArgumentsValidator(ArrayContainsArgumentValidator.INSTANCE)
                .setArgumentTypeResolver(ArrayContainsArgumentTypeResolver.INSTANCE)
                .setInvariantType(contributions.getTypeConfiguration().getBasicTypeRegistry()
                        .resolve(StandardBasicTypes.BOOLEAN))
                .register();
    }
}
