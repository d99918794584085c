package com.leadflow.scoring.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.leadflow.core.LeadSnapshot;
import com.leadflow.scoring.engine.CompiledModel;

/**
 * The life of scoring models: drafts are created, edited, simulated and deleted; activating one retires the scope's
 * active model. The shipped default model is created when the {@code default} scope has no active model.
 */
@Service
public class ModelCatalog {

	private final ScoringModels models;

	ModelCatalog(ScoringModels models) {
		this.models = models;
	}

	/** Scope names are compared lower-case: {@code default} or an industry as leads carry it. */
	public static String normaliseScope(String scope) {
		return scope == null || scope.isBlank() ? DefaultModels.DEFAULT_SCOPE : scope.strip().toLowerCase(Locale.ROOT);
	}

	@Transactional
	public ScoringModel createDraft(String scope, String name, ModelDefinition definition) {
		check(scope, name, definition);
		return models.insertDraft(normaliseScope(scope), name.strip(), definition);
	}

	@Transactional
	public ScoringModel updateDraft(long id, String name, ModelDefinition definition) {
		ScoringModel model = draft(id, "edited");
		check(model.scope(), name, definition);
		models.updateDraft(id, name.strip(), definition);
		return models.byId(id).orElseThrow();
	}

	@Transactional
	public void deleteDraft(long id) {
		draft(id, "deleted");
		models.deleteDraft(id);
	}

	public ScoringModel get(long id) {
		return models.byId(id).orElseThrow(() -> ScoringProblems.notFound("Scoring model " + id));
	}

	public List<ScoringModel> list(String scope, ModelStatus status) {
		ensureDefault();
		return models.all(scope == null ? null : normaliseScope(scope), status);
	}

	/** Makes a draft the active model of its scope (in the caller's transaction); the previous one is retired. */
	@Transactional
	public ScoringModel activate(long id) {
		ScoringModel model = models.byIdForUpdate(id).orElseThrow(() -> ScoringProblems.notFound("Scoring model " + id));
		if (model.status() != ModelStatus.DRAFT) {
			throw ScoringProblems.conflict("Only a draft can be activated; model " + id + " is " + model.status() + ".");
		}
		models.activate(id, model.scope());
		return models.byId(id).orElseThrow();
	}

	/** A model that has scored leads (active or retired), compiled. */
	public CompiledModel compiled(long id) {
		return models.compiled(id);
	}

	/** The active models now: the default one and those of industries. */
	public ActiveModels active() {
		Map<String, ScoringModels.ActiveRef> refs = models.activeByScope();
		if (!refs.containsKey(DefaultModels.DEFAULT_SCOPE)) {
			ensureDefault();
			refs = models.activeByScope();
		}
		Map<String, CompiledModel> compiled = new java.util.HashMap<>();
		refs.forEach((scope, ref) -> compiled.put(scope, models.compiled(ref)));
		return new ActiveModels(compiled);
	}

	/** The shipped default model exists from the start (and again whenever the scope has no active model). */
	@EventListener(ApplicationReadyEvent.class)
	public void ensureDefault() {
		models.insertActiveIfAbsent(DefaultModels.DEFAULT_SCOPE, "Default (Microsoft China behaviour, Fluke BANT)",
				DefaultModels.definition());
	}

	private ScoringModel draft(long id, String verb) {
		ScoringModel model = models.byIdForUpdate(id).orElseThrow(() -> ScoringProblems.notFound("Scoring model " + id));
		if (model.status() != ModelStatus.DRAFT) {
			throw ScoringProblems.conflict("Only a draft can be " + verb + "; model " + id + " is " + model.status()
					+ ". Create a new draft instead.");
		}
		return model;
	}

	private static void check(String scope, String name, ModelDefinition definition) {
		List<ModelValidator.Violation> violations = new ArrayList<>();
		if (name == null || name.isBlank() || name.length() > 200) {
			violations.add(new ModelValidator.Violation("name", "must be 1-200 characters"));
		}
		if (scope != null && scope.length() > 100) {
			violations.add(new ModelValidator.Violation("scope", "must be at most 100 characters"));
		}
		violations.addAll(ModelValidator.validate(definition));
		if (!violations.isEmpty()) {
			throw ScoringProblems.invalid(violations);
		}
	}

	/** The active compiled models by scope; a lead is scored by its industry's model, else the default one. */
	public record ActiveModels(Map<String, CompiledModel> byScope) {

		/** Whether any active model looks at leads' e-mail addresses (else a profile read may leave them out). */
		public boolean readEmails() {
			return anyGroup(CompiledModel.Group::readsEmails);
		}

		/** Whether any active model has a criterion on being a known customer (else a profile read may skip it). */
		public boolean readCustomerStatus() {
			return anyGroup(CompiledModel.Group::readsCustomerStatus);
		}

		private boolean anyGroup(java.util.function.Predicate<CompiledModel.Group> test) {
			return byScope.values().stream().flatMap(m -> m.groups().stream()).anyMatch(test);
		}

		public CompiledModel forLead(LeadSnapshot lead) {
			if (lead.industry() != null && !lead.industry().isBlank()) {
				CompiledModel industry = byScope.get(normaliseScope(lead.industry()));
				if (industry != null) {
					return industry;
				}
			}
			return byScope.get(DefaultModels.DEFAULT_SCOPE);
		}
	}
}
