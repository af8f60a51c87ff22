package cn.newsevents.query.ops;

import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.security.Principal;
import java.util.Optional;

/**
 * Binds a {@link Principal} argument (the health endpoint's) to the caller {@link OperationsKeyFilter} recognised;
 * without a key it is null, so {@code details-visible: AUTHENTICATED} hides the details.
 */
@Singleton
public class OperationsPrincipalBinder implements TypedRequestArgumentBinder<Principal> {
    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    @Override
    public ArgumentBinder.BindingResult<Principal> bind(ArgumentConversionContext<Principal> context,
                                                       HttpRequest<?> source) {
        Optional<Principal> principal = source.getUserPrincipal();
        return principal.isPresent() ? () -> principal : ArgumentBinder.BindingResult.unsatisfied();
    }
}
