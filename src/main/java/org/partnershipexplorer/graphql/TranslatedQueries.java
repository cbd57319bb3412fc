package org.partnershipexplorer.graphql;

import graphql.ExecutionResult;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import java.util.concurrent.CompletableFuture;

/** Runs a query as one translated statement ({@link Translator}) when it can, field by field otherwise. */
final class TranslatedQueries extends AsyncExecutionStrategy {

    private final Translator translator;

    TranslatedQueries(Translator translator) {
        super(new ErrorHandler());
        this.translator = translator;
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
        return translator.execute(context)
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> super.execute(context, parameters));
    }
}
